package org.waypoint.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: username, realm roles and the service areas they work in (token claim
 * {@code service_area}), with the one write rule every service applies.
 */
public record Caller(String username, Set<String> roles, Set<String> serviceAreas) {

    public Caller {
        roles = Set.copyOf(roles);
        serviceAreas = Set.copyOf(serviceAreas);
    }

    public static Caller of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
        Set<String> areas = Set.of();
        if (authentication instanceof JwtAuthenticationToken token) {
            areas = serviceAreas(token.getToken());
        }
        return new Caller(authentication.getName(), roles, areas);
    }

    static Set<String> serviceAreas(Jwt jwt) {
        Object claim = jwt.getClaims().get("service_area");
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(String.valueOf(claim));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean worksIn(String serviceArea) {
        return serviceArea != null && serviceAreas.contains(serviceArea);
    }

    /**
     * The write rule: an admin or the domain's officer role anywhere; a manager within their
     * service areas; staff where they are the owner or one of the leads. Auditors and
     * integrators never.
     *
     * @param officerRole e.g. {@link Roles#PERFORMANCE_OFFICER} for plans, {@link Roles#FINANCE_OFFICER} for budgets
     * @param serviceArea the service area of the thing being changed (may be null)
     * @param owners      usernames of its owner or leads
     */
    public boolean mayWrite(String officerRole, String serviceArea, Collection<String> owners) {
        if (has(Roles.ADMIN) || has(officerRole)) {
            return true;
        }
        if (has(Roles.MANAGER) && worksIn(serviceArea)) {
            return true;
        }
        return (has(Roles.STAFF) || has(Roles.MANAGER)) && owners != null && owners.contains(username);
    }

    public boolean mayWrite(String officerRole, String serviceArea, String owner) {
        return mayWrite(officerRole, serviceArea, owner == null ? List.of() : List.of(owner));
    }
}
