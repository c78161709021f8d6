package org.waypoint.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.waypoint.testsupport.FakeKeycloakAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waypoint.testsupport.TestKafka;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The Keycloak directory against a stand-in for Keycloak's Admin API over real HTTP (token endpoint,
 * user representations): what it reads, what it caches and for how long, and what callers get when
 * Keycloak cannot be asked (never a guess). The retry and circuit breaker are the ones the
 * auto-configuration takes from the service's {@code resilience4j.*.instances.directory} settings,
 * here with short waits.
 */
class KeycloakDirectoryTest {

    static final Duration TTL = Duration.ofMinutes(10);

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final FakeKeycloakAdmin keycloak = new FakeKeycloakAdmin(TestKafka.freePort(), List.of(
            FakeKeycloakAdmin.user("jamie.lead", "Jamie", "Wilson", "jamie.wilson@waypoint.example", "sarah.manager",
                    "Children and Justice"),
            FakeKeycloakAdmin.user("sarah.manager", "Sarah", "Campbell", "sarah.campbell@waypoint.example", null,
                    "Children and Justice"),
            FakeKeycloakAdmin.user("alex.auditor", "Alex", "Reid", "alex.reid@waypoint.example", null, null)));
    final CircuitBreaker breaker = CircuitBreaker.of(KeycloakAdminClient.RESILIENCE_NAME, CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(10)
            .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMillis(300))
            .permittedNumberOfCallsInHalfOpenState(1).build());
    final Retry retry = Retry.of(KeycloakAdminClient.RESILIENCE_NAME, RetryConfig.custom().maxAttempts(3)
            .waitDuration(Duration.ofMillis(10)).build());

    @AfterEach
    void stop() {
        keycloak.close();
    }

    KeycloakDirectory directory(String secret) {
        return new KeycloakDirectory(new KeycloakAdminClient(new DirectoryProperties.Keycloak(keycloak.url(), "waypoint",
                "waypoint-directory", secret, "manager", Duration.ofSeconds(1)), clock, retry, breaker), TTL, clock);
    }

    @Test
    void readsAUsersNameEmailLineManagerAndServiceAreasFromTheAdminApi() {
        keycloak.up();

        Person jamie = directory("s3cret").byUsername("jamie.lead").orElseThrow();

        assertThat(jamie).isEqualTo(new Person("jamie.lead", "Jamie Wilson", "jamie.wilson@waypoint.example", "sarah.manager",
                List.of("Children and Justice")));
        assertThat(directory("s3cret").byUsername("alex.auditor").orElseThrow().hasServiceAreas()).isFalse();
    }

    @Test
    void managersAreTheUsersTheRealmSaysManage() {
        keycloak.up();

        assertThat(directory("s3cret").managers()).extracting(Person::username).containsExactly("sarah.manager");
    }

    @Test
    void anUnknownUsernameIsNoOneAndThatAnswerIsCachedToo() {
        keycloak.up();
        KeycloakDirectory directory = directory("s3cret");

        assertThat(directory.byUsername("olive.owner")).isEmpty();
        assertThat(directory.byUsername("olive.owner")).isEmpty();
        assertThat(keycloak.userLookups()).isEqualTo(1);
    }

    @Test
    void answersAreKeptForTheCacheTtlThenAskedAgain() {
        keycloak.up();
        KeycloakDirectory directory = directory("s3cret");
        directory.byUsername("jamie.lead");

        clock.advance(TTL.minusSeconds(1));
        keycloak.down();
        assertThat(directory.byUsername("jamie.lead")).isPresent();
        assertThat(keycloak.userLookups()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        keycloak.up();
        assertThat(directory.byUsername("jamie.lead")).isPresent();
        assertThat(keycloak.userLookups()).isEqualTo(2);
    }

    @Test
    void whenKeycloakIsDownCallersAreToldSoAndNothingIsGuessed() {
        KeycloakDirectory directory = directory("s3cret");

        assertThatThrownBy(() -> directory.byUsername("jamie.lead")).isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("jamie.lead");
        assertThatThrownBy(directory::managers).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void aRefusedClientIsAnUnavailableDirectoryNotAnUnknownUser() {
        keycloak.up();

        assertThatThrownBy(() -> directory("wrong").byUsername("jamie.lead")).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void repeatedFailuresOpenTheCircuitSoKeycloakIsLeftAloneThenItIsTriedAgain() throws InterruptedException {
        KeycloakDirectory directory = directory("s3cret");
        assertThatThrownBy(() -> directory.byUsername("jamie.lead")).isInstanceOf(DirectoryUnavailableException.class);
        assertThatThrownBy(() -> directory.byUsername("sarah.manager")).isInstanceOf(DirectoryUnavailableException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        keycloak.up();
        assertThatThrownBy(() -> directory.byUsername("jamie.lead")).isInstanceOf(DirectoryUnavailableException.class);
        assertThat(keycloak.userLookups()).isZero();

        Thread.sleep(400);
        assertThat(directory.byUsername("jamie.lead")).isPresent();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
