package org.waypoint.plan.action.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.plan.common.persistence.HistoryDocuments;
import org.waypoint.platform.outbox.MongoOutboxWriter;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Which actions the review scan must look at, kept so that every read is a look-up by {@code _id}:
 * the one kind of query the MongoDB-compatible server used here answers from an index (it ignores
 * non-unique indexes, so {@code nextCheckOn <= today} reads every action stored). See ADR 13.
 *
 * <p>Collection {@value #COLLECTION}: bucket documents {@code "<day>#<shard>"} holding entries
 * {@code {a: actionId, v: version the action has once written, at: when queued}}, and a cursor
 * document, the day of the last completed scan. A writer queues the action under the day of its
 * next review (today at the earliest) <em>before</em> writing the action, so a crash in between
 * leaves an extra entry, never an action missing from the queue. The scan reads the buckets of the
 * days from the cursor's eve to today (48 documents on an ordinary day), loads the actions they
 * name by {@code _id}, returns those whose review has come, and drops the entries whose write has
 * landed and that no longer point at a due action. A quiet scan therefore reads a fixed number of
 * small documents however many actions are stored.
 */
final class MongoActionReviewQueue {

    private static final Logger log = LoggerFactory.getLogger(MongoActionReviewQueue.class);

    static final String COLLECTION = "action_review_queue";
    /**
     * Buckets per day. Every write of an action rewrites its bucket, so a bucket must stay small even
     * when a whole import lands on one day: 256 keep 100,000 same-day actions at about 400 entries
     * (30 KB) a bucket. (16 made a 100,000-action import cost O(n²): 6,000-entry buckets rewritten
     * on every push; the benchmark's growth slowed from 255 to 123 actions/s.)
     */
    static final int SHARDS = 256;
    /** Named for the bucket layout: a layout without its cursor (e.g. the 16-shard one) is queued afresh. */
    static final String CURSOR = "cursor-256";
    /**
     * An entry whose action has not reached its version after this long never will: its write failed.
     * Generous, since a write stalled longer than this between queueing and saving would be missed;
     * keeping a dead entry longer costs only re-reading it on each scan of its day.
     */
    static final Duration IN_FLIGHT = Duration.ofHours(1);
    private static final int IDS_PER_QUERY = 500;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong actionsRead = new AtomicLong();
    private final AtomicLong entriesRead = new AtomicLong();

    MongoActionReviewQueue(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Queues an action for review on {@code reviewOn} (today, if that has passed), as it will be
     * once written at {@code version}. Call before writing the action.
     */
    void enqueue(String actionId, LocalDate reviewOn, long version) {
        enqueueAll(Map.of(actionId, reviewOn), version);
    }

    /**
     * Queues many actions (action id to review day), each as it will be once written at
     * {@code version}, with one push per bucket, sent together. Call before writing the actions.
     */
    void enqueueAll(Map<String, LocalDate> reviewOn, long version) {
        if (reviewOn.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Map<String, List<Document>> buckets = new TreeMap<>();
        reviewOn.forEach((actionId, day) -> buckets
                .computeIfAbsent(bucketId(day.isBefore(today) ? today : day, shard(actionId)), b -> new ArrayList<>())
                .add(entry(actionId, version, now)));
        if (buckets.size() == 1) {
            buckets.forEach(this::push);
        } else {
            pushAll(buckets);
        }
    }

    /**
     * Up to {@code limit} actions whose review has come by {@code today}, and on the way drops the
     * entries that no longer lead to one. The first call ever queues every stored action first.
     */
    List<ActionDocument> due(LocalDate today, int limit) {
        Window window = read(cursorOrMigrate(today), today);
        return sweep(window, today, limit);
    }

    /**
     * The scan of {@code today} is complete: drops what is left over of the actions it reviewed,
     * removes the emptied buckets no scan will read again, and moves the cursor to today.
     */
    void reviewedUpTo(LocalDate today) {
        LocalDate cursor = cursorOrMigrate(today);
        Window window = read(cursor, today);
        sweep(window, today, Integer.MAX_VALUE);
        LocalDate nextFrom = today.minusDays(1);
        window.remaining.forEach((bucket, left) -> {
            if (left == 0 && day(bucket).isBefore(nextFrom)) {
                removeIfEmpty(bucket);
            }
        });
        if (cursor.isBefore(today)) {
            queue().updateOne(eq("_id", CURSOR), Updates.set("day", today.toString()), new UpdateOptions().upsert(true));
        }
    }

    /** Action documents this queue has loaded since the process started (for tests and measurements). */
    long actionsRead() {
        return actionsRead.get();
    }

    /** Queue entries this queue has read since the process started (for tests and measurements). */
    long entriesRead() {
        return entriesRead.get();
    }

    static String bucketId(LocalDate day, int shard) {
        return day + "#" + (shard < 10 ? "00" : shard < 100 ? "0" : "") + shard;
    }

    static int shard(String actionId) {
        return Math.floorMod(actionId.hashCode(), SHARDS);
    }

    static Document entry(String actionId, long version, Instant at) {
        return new Document("a", actionId).append("v", version).append("at", Date.from(at));
    }

    private static LocalDate day(String bucketId) {
        return LocalDate.parse(bucketId.substring(0, bucketId.indexOf('#')));
    }

    private MongoCollection<Document> queue() {
        return mongo.getCollection(COLLECTION);
    }

    /** One queued entry as read, with the bucket it sits in. */
    private record Queued(String bucket, Document entry, String actionId, long version, Instant at) {
    }

    /** The entries of the buckets read, by action in day order, and how many each bucket keeps. */
    private record Window(Map<String, List<Queued>> byAction, Map<String, Integer> remaining) {
    }

    private Window read(LocalDate cursor, LocalDate today) {
        LocalDate from = (cursor.isAfter(today) ? today : cursor).minusDays(1);
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            for (int shard = 0; shard < SHARDS; shard++) {
                ids.add(bucketId(day, shard));
            }
        }
        Map<String, List<Document>> buckets = new TreeMap<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            for (Document bucket : queue().find(in("_id", ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))))) {
                buckets.put(bucket.getString("_id"), bucket.getList("entries", Document.class, List.of()));
            }
        }
        Map<String, List<Queued>> byAction = new LinkedHashMap<>();
        Map<String, Integer> remaining = new HashMap<>();
        buckets.forEach((bucket, entries) -> {
            remaining.put(bucket, entries.size());
            entriesRead.addAndGet(entries.size());
            for (Document e : entries) {
                Object version = e.get("v");
                Date at = e.get("at") instanceof Date d ? d : new Date(0);
                String actionId = e.get("a") instanceof String a ? a : "";
                byAction.computeIfAbsent(actionId, k -> new ArrayList<>()).add(new Queued(bucket, e, actionId,
                        version instanceof Number n ? n.longValue() : Long.MIN_VALUE, at.toInstant()));
            }
        });
        return new Window(byAction, remaining);
    }

    /**
     * Loads the actions the window names, a chunk at a time, until {@code limit} due ones are found;
     * an action is due when its {@code nextCheckOn} has come. Of the others, an entry is dropped once
     * the write that queued it has landed (the action is at its version or later) or can no longer
     * land (queued longer ago than {@link #IN_FLIGHT}); an entry of a write still in flight stays.
     */
    private List<ActionDocument> sweep(Window window, LocalDate today, int limit) {
        List<ActionDocument> due = new ArrayList<>();
        Map<String, List<Document>> landed = new LinkedHashMap<>();
        Instant longAgo = clock.instant().minus(IN_FLIGHT);
        List<String> ids = new ArrayList<>(window.byAction().keySet());
        chunks:
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            Map<String, ActionDocument> actions = load(chunk);
            for (String id : chunk) {
                ActionDocument action = actions.get(id);
                if (action != null && action.nextCheckOn() != null && !action.nextCheckOn().isAfter(today)) {
                    if (due.size() == limit) {
                        break chunks;
                    }
                    due.add(action);
                    continue;
                }
                for (Queued queued : window.byAction().get(id)) {
                    boolean written = action != null && action.version() >= queued.version();
                    if (written || queued.at().isBefore(longAgo)) {
                        landed.computeIfAbsent(queued.bucket(), b -> new ArrayList<>()).add(queued.entry());
                    }
                }
            }
        }
        landed.forEach((bucket, entries) -> {
            BucketLocks.around(bucket, () -> queue().updateOne(eq("_id", bucket),
                    Updates.pullByFilter(new Document("entries", new Document("$in", entries)))));
            window.remaining().merge(bucket, -entries.size(), Integer::sum);
        });
        return due;
    }

    private Map<String, ActionDocument> load(List<String> ids) {
        Query query = new Query(Criteria.where("_id").in(ids));
        query.fields().exclude(HistoryDocuments.FIELD).exclude("outbox");
        Map<String, ActionDocument> found = new HashMap<>();
        mongo.find(query, ActionDocument.class, ActionDocument.COLLECTION).forEach(a -> found.put(a.id(), a));
        actionsRead.addAndGet(found.size());
        return found;
    }

    private void push(String bucket, List<Document> entries) {
        for (int attempt = 1; ; attempt++) {
            try {
                BucketLocks.around(bucket, () -> queue().updateOne(eq("_id", bucket), Updates.pushEach("entries", entries),
                        new UpdateOptions().upsert(true)));
                return;
            } catch (MongoWriteException e) {
                // two processes created the bucket at once: the loser's push now finds it
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** One bulk write of upserting pushes, holding the locks of all their buckets (a retry for buckets another process created meanwhile). */
    private void pushAll(Map<String, List<Document>> buckets) {
        Map<String, List<Document>> left = buckets;
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            List<String> ids = new ArrayList<>(left.keySet());
            List<UpdateOneModel<Document>> pushes = new ArrayList<>(ids.size());
            for (String bucket : ids) {
                pushes.add(new UpdateOneModel<>(eq("_id", bucket), Updates.pushEach("entries", left.get(bucket)),
                        new UpdateOptions().upsert(true)));
            }
            try {
                BucketLocks.aroundAll(ids, () -> queue().bulkWrite(pushes, new BulkWriteOptions().ordered(false)));
                return;
            } catch (MongoBulkWriteException e) {
                Map<String, List<Document>> failed = new TreeMap<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    // two processes created a bucket at once: the loser's push now finds it
                    if (error.getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 3) {
                        throw e;
                    }
                    failed.put(ids.get(error.getIndex()), left.get(ids.get(error.getIndex())));
                }
                left = failed;
            }
        }
    }

    private void removeIfEmpty(String bucket) {
        BucketLocks.around(bucket, () -> {
            Document current = queue().find(eq("_id", bucket)).first();
            if (current != null && current.getList("entries", Document.class, List.of()).isEmpty()) {
                queue().deleteOne(eq("_id", bucket));
            }
            return null;
        });
    }

    /** The day of the last completed scan; without one, queues every stored action first (once). */
    private LocalDate cursorOrMigrate(LocalDate today) {
        Document cursor = queue().find(eq("_id", CURSOR)).first();
        if (cursor != null) {
            return LocalDate.parse(cursor.getString("day"));
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        Query query = new Query(Criteria.where("nextCheckOn").ne(null));
        query.fields().include("nextCheckOn").include(MongoOutboxWriter.VERSION);
        Map<String, List<Document>> buckets = new TreeMap<>();
        int count = 0;
        for (Stored stored : mongo.find(query, Stored.class, ActionDocument.COLLECTION)) {
            LocalDate day = stored.nextCheckOn().isBefore(today) ? today : stored.nextCheckOn();
            buckets.computeIfAbsent(bucketId(day, shard(stored.id())), b -> new ArrayList<>())
                    .add(entry(stored.id(), stored.version(), now));
            count++;
        }
        buckets.forEach(this::push);
        queue().updateOne(eq("_id", CURSOR), Updates.set("day", today.toString()), new UpdateOptions().upsert(true));
        log.info("Review queue started: {} stored action(s) queued in {} bucket(s) in {} ms", count, buckets.size(),
                (System.nanoTime() - started) / 1_000_000);
        return today;
    }

    /** What the one-time queueing of stored actions reads of each. */
    record Stored(@Id String id, LocalDate nextCheckOn, Long version) {
        Stored {
            version = version == null ? 0L : version;
        }
    }
}
