package org.waypoint.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    private static OutboxMessage message(String key, String type) {
        return new OutboxMessage(key + "-" + type, "cases", key, type, "{}", Instant.now());
    }
}
