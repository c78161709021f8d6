package org.waypoint.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A named lease in MongoDB so that a scheduled job runs on exactly one instance at a time: the
 * first instance to take the lease runs the job; the others skip it until the lease ends or is
 * released. A crashed holder's lease simply runs out. One atomic find-and-modify (upsert; a
 * duplicate key means someone else holds it), so it works on MongoDB and the compatible server.
 */
public class MongoLease {

    public static final String COLLECTION = "scheduler_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public MongoLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code job} if this instance gets the lease {@code name} for at most {@code longest}; returns whether it ran. */
    public boolean runExclusively(String name, Duration longest, Runnable job) {
        if (!tryAcquire(name, longest)) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            release(name);
        }
    }

    public boolean tryAcquire(String name, Duration longest) {
        Instant now = clock.instant();
        Query free = new Query(new Criteria().andOperator(Criteria.where("_id").is(name),
                new Criteria().orOperator(Criteria.where("until").lte(Date.from(now)), Criteria.where("holder").is(holder))));
        try {
            Document taken = mongo.findAndModify(free,
                    new Update().set("until", Date.from(now.plus(longest))).set("holder", holder).set("since", Date.from(now)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return taken != null && holder.equals(taken.getString("holder"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    public void release(String name) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(name).and("holder").is(holder)),
                new Update().set("until", Date.from(clock.instant())), COLLECTION);
    }
}
