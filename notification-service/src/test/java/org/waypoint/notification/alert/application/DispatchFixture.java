package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.notification.alert.persistence.MongoAlertStore;
import org.waypoint.notification.alert.persistence.MongoEventInbox;
import org.waypoint.testsupport.InMemoryMongo;

/**
 * Sending alerts against the real alert store: one database on the MongoDB-compatible server, and
 * any number of service instances on it, each with its own driver, store and dispatchers. What the
 * dispatchers dead-letter is kept in {@link #deadLettered()}. Close it after each test.
 */
final class DispatchFixture implements AutoCloseable {

    private final InMemoryMongo mongo = InMemoryMongo.start();
    private final List<MongoClient> clients = new ArrayList<>();
    private final List<DeadLetters.DeadLetter> deadLettered = Collections.synchronizedList(new ArrayList<>());
    private final String database;
    private final NotificationProperties settings;
    private final Clock clock;

    DispatchFixture(String database, NotificationProperties settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** Delivery settings: these send attempts and backoffs; the defaults for the rest, and no rules. */
    static NotificationProperties sending(int maxSendAttempts, Duration sendBackoff, Duration sendBackoffMax) {
        return new NotificationProperties(Map.of(), maxSendAttempts, sendBackoff, sendBackoffMax, 5, Duration.ofSeconds(30),
                Duration.ofSeconds(5), LocalTime.of(7, 0), true);
    }

    /** One service instance: a driver, template and alert store of its own on the shared database. */
    Instance instance() {
        MongoClient client = MongoClients.create(mongo.uri(database));
        clients.add(client);
        return new Instance(new MongoTemplate(client, database));
    }

    /** Every dead letter any dispatcher of this fixture added, in order. */
    List<DeadLetters.DeadLetter> deadLettered() {
        return deadLettered;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        mongo.close();
    }

    final class Instance {
        private final MongoTemplate template;
        private final AlertStore store;

        private Instance(MongoTemplate template) {
            this.template = template;
            this.store = new MongoAlertStore(template);
        }

        MongoTemplate template() {
            return template;
        }

        AlertStore store() {
            return store;
        }

        /** A dispatcher on this instance's store, its metrics in a registry of its own. */
        DispatchingAlerts dispatcher(AlertSender sender) {
            return dispatcher(sender, new SimpleMeterRegistry());
        }

        DispatchingAlerts dispatcher(AlertSender sender, MeterRegistry meters) {
            return dispatcher(sender, meters, SendQueue.DEFAULT_LEASE);
        }

        /** A dispatcher whose claims hold alerts for {@code lease}. */
        DispatchingAlerts dispatcher(AlertSender sender, MeterRegistry meters, Duration lease) {
            return new DispatchingAlerts(store, sender, new ListDeadLetters(deadLettered),
                    new NotificationMetrics(meters, new MongoEventInbox(template)), settings, clock, lease);
        }
    }

    private record ListDeadLetters(List<DeadLetter> dead) implements DeadLetters {
        @Override
        public void add(DeadLetter deadLetter) {
            dead.add(deadLetter);
        }

        @Override
        public List<DeadLetter> list(Status status, int page, int size) {
            return dead;
        }

        @Override
        public long count(Status status) {
            return dead.size();
        }

        @Override
        public Optional<DeadLetter> byId(String id) {
            synchronized (dead) {
                return dead.stream().filter(d -> d.id().equals(id)).findFirst();
            }
        }

        @Override
        public boolean markReplayed(String id, String by, Instant at) {
            return true;
        }
    }
}
