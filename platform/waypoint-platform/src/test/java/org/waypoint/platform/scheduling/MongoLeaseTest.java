package org.waypoint.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClients;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.testsupport.InMemoryMongo;

/** Two instances sharing the MongoDB-compatible server: the lease lets one run a job at a time. */
class MongoLeaseTest {

    private final InMemoryMongo server = InMemoryMongo.start();
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(server.uri("leases")), "leases");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final MongoLease first = new MongoLease(mongo, clock);
    private final MongoLease second = new MongoLease(mongo, clock);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whileOneInstanceHoldsTheLeaseAnotherDoesNotRunTheJob() {
        AtomicInteger runs = new AtomicInteger();
        boolean ran = first.runExclusively("scan", Duration.ofMinutes(5), () -> {
            runs.incrementAndGet();
            assertThat(second.runExclusively("scan", Duration.ofMinutes(5), runs::incrementAndGet)).isFalse();
        });
        assertThat(ran).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aReleasedLeaseCanBeTakenByAnotherInstance() {
        first.runExclusively("scan", Duration.ofMinutes(5), () -> { });
        assertThat(second.runExclusively("scan", Duration.ofMinutes(5), () -> { })).isTrue();
    }

    @Test
    void theLeaseOfACrashedHolderRunsOut() {
        assertThat(first.tryAcquire("scan", Duration.ofMinutes(5))).isTrue(); // never released: the holder "crashed"
        assertThat(second.tryAcquire("scan", Duration.ofMinutes(5))).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(second.tryAcquire("scan", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void leasesWithDifferentNamesAreIndependent() {
        assertThat(first.tryAcquire("plans", Duration.ofMinutes(5))).isTrue();
        assertThat(second.tryAcquire("risks", Duration.ofMinutes(5))).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
