package org.waypoint.gateway;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import reactor.core.publisher.Mono;

/**
 * A person signed in through Keycloak gets the realm roles of their access token as
 * {@code ROLE_<role>} authorities (Spring's OIDC login alone gives {@code OIDC_USER} and scopes), and
 * the access token's {@code service_area} and {@code manager} claims next to the ID token's, so that
 * {@code /me} and the rate limiter see the same person the services see.
 */
final class KeycloakUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final String nameAttribute;

    KeycloakUserService(String nameAttribute) {
        this(new OidcReactiveOAuth2UserService(), nameAttribute);
    }

    KeycloakUserService(ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate, String nameAttribute) {
        this.delegate = delegate;
        this.nameAttribute = nameAttribute;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        Map<String, Object> access = KeycloakClaims.accessTokenClaims(request.getAccessToken().getTokenValue());
        return delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            authorities.addAll(KeycloakClaims.realmRoles(access));
            Map<String, Object> info = new HashMap<>(user.getUserInfo() != null ? user.getUserInfo().getClaims() : Map.of());
            info.putIfAbsent("sub", user.getSubject());
            for (String claim : new String[] {KeycloakClaims.SERVICE_AREA, KeycloakClaims.MANAGER, "realm_access"}) {
                if (access.containsKey(claim)) {
                    info.put(claim, access.get(claim));
                }
            }
            String name = user.getAttributes().containsKey(nameAttribute) || info.containsKey(nameAttribute) ? nameAttribute : "sub";
            return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(info), name);
        });
    }
}
