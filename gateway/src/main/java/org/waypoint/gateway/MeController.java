package org.waypoint.gateway;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, for the portal (session) and for scripts (bearer token) alike. */
@RestController
public class MeController {

    /**
     * @param authorities  realm roles as {@code ROLE_<role>}
     * @param serviceAreas the {@code service_area} claim (empty when the person has none)
     * @param manager      the username of the person's manager, when Keycloak has one
     */
    public record Me(String username, String name, String email, List<String> authorities, List<String> serviceAreas,
                     String manager) {
    }

    @GetMapping("/me")
    public Me me(Authentication authentication) {
        Map<String, Object> claims = switch (authentication) {
            case JwtAuthenticationToken token -> token.getToken().getClaims();
            case Authentication a when a.getPrincipal() instanceof OAuth2User user -> user.getAttributes();
            default -> Map.of();
        };
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).distinct().sorted().toList();
        return new Me(authentication.getName(), string(claims.get("name")), string(claims.get("email")), roles,
                KeycloakClaims.serviceAreas(claims), KeycloakClaims.manager(claims));
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
