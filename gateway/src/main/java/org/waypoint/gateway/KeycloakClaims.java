package org.waypoint.gateway;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What Waypoint reads from a Keycloak token: realm roles as {@code ROLE_<role>}, service areas, manager. */
final class KeycloakClaims {

    static final String SERVICE_AREA = "service_area";
    static final String MANAGER = "manager";

    private KeycloakClaims() {
    }

    /** {@code realm_access.roles}, each as {@code ROLE_<role>}. */
    static List<GrantedAuthority> realmRoles(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return authorities;
    }

    /** The {@code service_area} claim: a list in Keycloak's multivalued mapping, a single string otherwise. */
    static List<String> serviceAreas(Map<String, Object> claims) {
        Object value = claims.get(SERVICE_AREA);
        if (value instanceof Collection<?> areas) {
            return areas.stream().map(String::valueOf).toList();
        }
        return value instanceof String area && !area.isBlank() ? List.of(area) : List.of();
    }

    static String manager(Map<String, Object> claims) {
        Object value = claims.get(MANAGER);
        if (value instanceof Collection<?> managers) {
            return managers.stream().findFirst().map(String::valueOf).orElse(null);
        }
        return value == null ? null : String.valueOf(value);
    }

    /**
     * The claims of an access token the gateway received straight from Keycloak's token endpoint
     * over its own back channel: read, not verified again (the services verify it on every call).
     */
    static Map<String, Object> accessTokenClaims(String accessToken) {
        try {
            return JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            return Map.of(); // an opaque token: no roles from it
        }
    }
}
