package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Whose budget a request is counted against. */
class RateLimitKeysTest {

    final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/actions")
            .remoteAddress(new InetSocketAddress("192.0.2.7", 51000)));

    @Test
    void aBearerTokenCountsAgainstItsSubjectAndItsClient() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1").claim("azp", "waypoint-integrator")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, List.of(), "service-account-waypoint-integrator");

        assertThat(RateLimitFilter.userKey(token)).isEqualTo("sub:subject-1");
        assertThat(RateLimitFilter.clientKey(token, exchange)).isEqualTo("client:waypoint-integrator");
    }

    @Test
    void aSignedInPersonCountsAgainstTheirSubjectOnlyNotTheirAddress() {
        OidcIdToken idToken = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "subject-2", "preferred_username", "jamie.lead"));
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_staff")), idToken, "preferred_username");
        OAuth2AuthenticationToken session = new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");

        assertThat(RateLimitFilter.userKey(session)).isEqualTo("sub:subject-2");
        assertThat(RateLimitFilter.clientKey(session, exchange)).isNull();
    }

    @Test
    void anAnonymousCallerCountsAgainstTheirAddress() {
        assertThat(RateLimitFilter.userKey(null)).isNull();
        assertThat(RateLimitFilter.clientKey(null, exchange)).isEqualTo("address:192.0.2.7");
    }
}
