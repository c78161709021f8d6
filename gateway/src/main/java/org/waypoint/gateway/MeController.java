package org.waypoint.gateway;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, for the portal. */
@RestController
public class MeController {

    public record Me(String username, List<String> authorities) {
    }

    @GetMapping("/me")
    public Me me(Authentication authentication) {
        return new Me(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }
}
