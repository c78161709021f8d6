package org.waypoint.notification.alert.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.waypoint.notification.alert.domain.Alert;

/** The dispatcher's rules, against an in-memory store and a sender that can fail. */
class DispatchingAlertsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2022-04-01T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final List<String> delivered = new ArrayList<>();
    private boolean mailServerDown;
    private final AlertSender sender = alert -> {
        if (mailServerDown) {
            throw new IllegalStateException("connection refused");
        }
        delivered.add(alert.recipientEmail());
    };
    private final DispatchingAlerts dispatching = new DispatchingAlerts(store, sender, clock);

    @Test
    void aPendingAlertIsSentOnceAcrossPasses() {
        store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"));

        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(dispatching.dispatchPending()).isZero();
        assertThat(delivered).containsExactly("jamie.wilson@waypoint.example");
        assertThat(store.status("a-1")).isEqualTo(AlertStore.Status.SENT);
    }

    @Test
    void anAlertRaisedTwiceIsStoredOnce() {
        assertThat(store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"))).isTrue();
        assertThat(store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"))).isFalse();
    }

    @Test
    void aFailedSendIsKeptForALaterAttemptNotLost() {
        store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"));
        mailServerDown = true;

        assertThat(dispatching.dispatchPending()).isZero();
        assertThat(store.status("a-1")).isEqualTo(AlertStore.Status.PENDING);
        assertThat(store.retryAt("a-1")).isAfter(clock.instant());
    }

    @Test
    void afterTheLastAttemptTheAlertIsMarkedFailed() {
        store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"));
        mailServerDown = true;
        for (int i = 0; i < DispatchingAlerts.MAX_ATTEMPTS; i++) {
            store.makeDueNow("a-1");
            dispatching.dispatchPending();
        }
        assertThat(store.status("a-1")).isEqualTo(AlertStore.Status.FAILED);
    }

    private Alert alert(String id, String to) {
        return new Alert(id, "action-overdue", "event-1", to, "Jamie", "Overdue action", "Body", clock.instant());
    }

    /** A plain in-memory store with the same rules as the MongoDB one. */
    private static final class InMemoryAlertStore implements AlertStore {
        private final Map<String, Alert> alerts = new LinkedHashMap<>();
        private final Map<String, Status> statuses = new LinkedHashMap<>();
        private final Map<String, Integer> attempts = new LinkedHashMap<>();
        private final Map<String, Instant> retryAt = new LinkedHashMap<>();

        @Override
        public boolean addIfNew(Alert alert) {
            if (alerts.containsKey(alert.id())) {
                return false;
            }
            alerts.put(alert.id(), alert);
            statuses.put(alert.id(), Status.PENDING);
            attempts.put(alert.id(), 0);
            retryAt.put(alert.id(), alert.raisedAt());
            return true;
        }

        @Override
        public Optional<Claim> claimNext(Instant now) {
            return alerts.keySet().stream()
                    .filter(id -> statuses.get(id) == Status.PENDING && !retryAt.get(id).isAfter(now))
                    .findFirst()
                    .map(id -> {
                        statuses.put(id, Status.SENDING);
                        attempts.merge(id, 1, Integer::sum);
                        return new Claim(alerts.get(id), attempts.get(id));
                    });
        }

        @Override
        public void markSent(String alertId, Instant at) {
            statuses.put(alertId, Status.SENT);
        }

        @Override
        public void markFailed(String alertId, String error, Instant retry, boolean giveUp) {
            statuses.put(alertId, giveUp ? Status.FAILED : Status.PENDING);
            retryAt.put(alertId, retry);
        }

        @Override
        public List<StoredAlert> recent(int limit) {
            return List.of();
        }

        Status status(String id) {
            return statuses.get(id);
        }

        Instant retryAt(String id) {
            return retryAt.get(id);
        }

        void makeDueNow(String id) {
            retryAt.put(id, Instant.MIN);
        }
    }
}
