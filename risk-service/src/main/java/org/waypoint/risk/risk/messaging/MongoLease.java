package org.waypoint.risk.risk.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A named lease in the {@code leases} collection, so that a scheduled job runs on one instance at a
 * time: taking it is one conditional update (free, expired, or already ours), which needs neither
 * transactions nor anything mongo-java-server lacks. An instance that dies holds it until it expires.
 */
public class MongoLease {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String name;
    private final String holder = UUID.randomUUID().toString();

    public MongoLease(MongoTemplate mongo, Clock clock, String name) {
        this.mongo = mongo;
        this.clock = clock;
        this.name = name;
    }

    /** @return true if this instance holds the lease for {@code duration} from now */
    public boolean tryAcquire(Duration duration) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", name).append("holder", null).append("until", Date.from(Instant.EPOCH)), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // normal: the lease document is created once
        }
        Query free = new Query(Criteria.where("_id").is(name).orOperator(
                Criteria.where("until").lt(Date.from(now)), Criteria.where("holder").is(holder)));
        Update take = new Update().set("holder", holder).set("until", Date.from(now.plus(duration)));
        return mongo.updateFirst(free, take, COLLECTION).getModifiedCount() == 1;
    }

    public String holder() {
        return holder;
    }
}
