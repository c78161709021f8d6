package org.waypoint.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.testsupport.InMemoryMongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The writer against the MongoDB-compatible server: versions, events and the index that makes a save a key look-up. */
class MongoOutboxWriterTest {

    record Case(@Id String id, String name) {
    }

    private final InMemoryMongo server = InMemoryMongo.start();
    private final MongoClient client = MongoClients.create(server.uri("writer"));
    private final MongoTemplate mongo = new MongoTemplate(client, "writer");
    private final MongoOutboxWriter writer = new MongoOutboxWriter(mongo);

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void everyCollectionWrittenGetsAUniqueIndexOnIdAndVersion() {
        writer.insert(new Case("c-1", "first"), "cases", List.of());

        assertThat(mongo.indexOps("cases").getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo(MongoOutboxWriter.ID_AND_VERSION_INDEX);
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("_id", MongoOutboxWriter.VERSION);
        });
    }

    @Test
    void anUpdateBumpsTheVersionAppendsItsEventsAndAStaleOneIsRefused() {
        writer.insert(new Case("c-1", "first"), "cases", List.of(message("c-1", "Opened")));
        writer.update(new Case("c-1", "second"), "c-1", 0, "cases", List.of(message("c-1", "Renamed")));

        Document stored = mongo.findById("c-1", Document.class, "cases");
        assertThat(stored).containsEntry("name", "second").containsEntry(MongoOutboxWriter.VERSION, 1L);
        assertThat(stored.getList(OutboxMessage.FIELD, Document.class)).extracting(d -> d.getString("type"))
                .containsExactly("Opened", "Renamed");
        assertThatThrownBy(() -> writer.update(new Case("c-1", "lost"), "c-1", 0, "cases", List.of()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(mongo.findById("c-1", Document.class, "cases")).containsEntry("name", "second");
    }

    @Test
    void aggregatesInsertedTogetherAreEachSavedAtVersionZeroWithTheirOwnEventsAndNamedToTheRelay() throws Exception {
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        wakeUp.listen(true);
        MongoOutboxWriter hinting = new MongoOutboxWriter(mongo, wakeUp);

        hinting.insertAll("cases", List.of(
                new MongoOutboxWriter.NewAggregate(new Case("c-1", "first"), List.of(message("c-1", "Opened")), Map.of("history", List.of("made"))),
                new MongoOutboxWriter.NewAggregate(new Case("c-2", "second"), List.of(), Map.of()),
                new MongoOutboxWriter.NewAggregate(new Case("c-3", "third"), List.of(message("c-3", "Opened"), message("c-3", "Noted")), Map.of())));

        assertThat(mongo.findById("c-1", Document.class, "cases")).containsEntry("name", "first")
                .containsEntry(MongoOutboxWriter.VERSION, 0L).containsEntry("history", List.of("made"));
        assertThat(mongo.findById("c-2", Document.class, "cases").getList(OutboxMessage.FIELD, Document.class)).isEmpty();
        assertThat(mongo.findById("c-3", Document.class, "cases").getList(OutboxMessage.FIELD, Document.class))
                .extracting(d -> d.getString("type")).containsExactly("Opened", "Noted");
        // only the aggregates with events to publish are named to the relay
        assertThat(wakeUp.await(Duration.ofSeconds(1), 10)).extracting(OutboxWakeUp.Written::id).containsExactly("c-1", "c-3");
    }

    @Test
    void aBatchThatFailsPartWayKeepsWhatWasSavedBeforeTheFailureAndStillNamesItToTheRelay() throws Exception {
        writer.insert(new Case("c-2", "already there"), "cases", List.of());
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        wakeUp.listen(true);
        MongoOutboxWriter hinting = new MongoOutboxWriter(mongo, wakeUp);

        assertThatThrownBy(() -> hinting.insertAll("cases", List.of(
                new MongoOutboxWriter.NewAggregate(new Case("c-1", "first"), List.of(message("c-1", "Opened")), Map.of()),
                new MongoOutboxWriter.NewAggregate(new Case("c-2", "clash"), List.of(message("c-2", "Opened")), Map.of()))))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(mongo.findById("c-1", Document.class, "cases").getList(OutboxMessage.FIELD, Document.class)).hasSize(1);
        assertThat(mongo.findById("c-2", Document.class, "cases")).containsEntry("name", "already there");
        assertThat(wakeUp.await(Duration.ofSeconds(1), 10)).extracting(OutboxWakeUp.Written::id).contains("c-1");
    }

    private static OutboxMessage message(String key, String type) {
        return new OutboxMessage(key + "-" + type, "cases", key, type, "{}", Instant.now());
    }
}
