package org.waypoint.indicator.indicator.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.application.Scorecards;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Status;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * An in-memory read model of every indicator's derived statuses, so a committee summary over
 * thousands of indicators is counted in memory rather than read from MongoDB each time (see ADR
 * 0011). This instance's own saves update it at once; a background thread reads what other
 * instances saved ({@code savedAt} newer than the last pass, with an overlap for clock skew) every
 * {@code waypoint.indicator.status-index.refresh} (default 2 s). Its first pass also makes sure
 * indicator codes are unique (a unique index), off the start-up path.
 */
@Component
public class StatusIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatusIndex.class);
    private static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final Status[] STATUSES = Status.values();

    /** One indicator as the summary needs it: filter fields and, per measured period (oldest first), end and status. */
    record Entry(String code, String name, String serviceArea, String theme, String ownerUsername, String ownerName, String text,
                 long[] ends, byte[] statuses, boolean[] needsCommentary, Instant savedAt) {
    }

    private final MongoTemplate mongo;
    private final Duration refresh;
    private volatile Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration rebuildEvery;
    private volatile Instant lastRebuild = Instant.EPOCH;
    private volatile Instant lastSeen;
    private volatile boolean loaded;
    private volatile boolean indexed;
    private volatile boolean running;
    private Thread worker;

    public StatusIndex(MongoTemplate mongo, @Value("${waypoint.indicator.status-index.refresh:PT2S}") Duration refresh,
                       @Value("${waypoint.indicator.status-index.rebuild:PT5M}") Duration rebuildEvery) {
        this.mongo = mongo;
        this.refresh = refresh;
        this.rebuildEvery = rebuildEvery;
    }

    /**
     * Reads every indicator afresh (dropping any removed behind the service's back); runs every
     * {@code waypoint.indicator.status-index.rebuild} (default 5 minutes).
     */
    public synchronized void rebuild() {
        if (!indexed) {
            // here rather than at start-up, so that the service starts while MongoDB is still coming up
            mongo.indexOps(IndicatorDocument.COLLECTION).createIndex(
                    new Index("code", org.springframework.data.domain.Sort.Direction.ASC).unique());
            indexed = true;
        }
        Map<String, Entry> old = entries;
        entries = new ConcurrentHashMap<>();
        lastSeen = null;
        try {
            refreshNow();
            loaded = true;
            lastRebuild = Instant.now();
        } catch (RuntimeException e) {
            entries = old;
            throw e;
        }
    }

    /** Called by the repository after each save of this instance. */
    void saved(IndicatorDocument doc) {
        Entry entry = entry(doc.code(), doc.name(), doc.serviceArea(), doc.theme(), doc.owner() == null ? null : doc.owner().username(),
                doc.owner() == null ? null : doc.owner().name(), text(doc.code(), doc.name(), doc.description()),
                doc.statuses() == null ? List.of() : doc.statuses().stream().map(s -> new Object[] {
                        s.end(), s.status(), s.needsRemedialCommentary()}).toList(), doc.savedAt());
        entries.put(doc.id(), entry);
    }

    IndicatorQueries.Counts count(IndicatorQueries.Filter filter) {
        ensureLoaded();
        Selection selection = new Selection(filter);
        long[] counts = new long[STATUSES.length];
        long redWithoutCommentary = 0;
        for (Entry e : entries.values()) {
            if (!selection.matches(e)) {
                continue;
            }
            int chosen = selection.latestPeriod(e);
            if (chosen < 0) {
                counts[Status.GREY.ordinal()]++;
            } else {
                counts[e.statuses()[chosen]]++;
                if (e.needsCommentary()[chosen]) {
                    redWithoutCommentary++;
                }
            }
        }
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status s : STATUSES) {
            byStatus.put(s, counts[s.ordinal()]);
        }
        return new IndicatorQueries.Counts(byStatus, redWithoutCommentary);
    }

    /**
     * One page of a scorecard: the indicators matching the filter (status included, as at the
     * filter's period), in the order asked for, then by id; and how many match in all.
     */
    IndicatorQueries.PageOfIds page(IndicatorQueries.Filter filter, String sort, boolean ascending, int page, int size) {
        ensureLoaded();
        Selection selection = new Selection(filter);
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!selection.matches(e.getValue())) {
                continue;
            }
            int chosen = selection.latestPeriod(e.getValue());
            int status = chosen < 0 ? Status.GREY.ordinal() : e.getValue().statuses()[chosen];
            if (filter.status() == null || filter.status().ordinal() == status) {
                hits.add(new Hit(e.getKey(), e.getValue(), status));
            }
        }
        Comparator<Hit> order = hitOrder(sort);
        hits.sort(ascending ? order : order.reversed());
        int from = (int) Math.min((long) page * size, hits.size());
        int to = Math.min(from + size, hits.size());
        return new IndicatorQueries.PageOfIds(hits.subList(from, to).stream().map(h -> new IndicatorId(h.id())).toList(), hits.size());
    }

    private record Hit(String id, Entry entry, int status) {
    }

    /** The scorecard's orders (see {@code Scorecards}): code in natural order, name, status, service area; then id. */
    private static Comparator<Hit> hitOrder(String sort) {
        Comparator<Hit> byField = switch (sort == null ? "code" : sort.toLowerCase(Locale.ROOT)) {
            case "name" -> Comparator.comparing(h -> String.valueOf(h.entry().name()), String.CASE_INSENSITIVE_ORDER);
            case "status" -> Comparator.comparingInt(Hit::status);
            case "servicearea" -> Comparator.comparing(h -> String.valueOf(h.entry().serviceArea()));
            default -> Comparator.comparing(h -> String.valueOf(h.entry().code()), Scorecards::naturalOrder);
        };
        return byField.thenComparing(Hit::id);
    }

    /** A filter, prepared for testing entries against it. */
    private static final class Selection {
        private final IndicatorQueries.Filter filter;
        private final long asAt;
        private final String theme;
        private final String text;

        Selection(IndicatorQueries.Filter filter) {
            this.filter = filter;
            this.asAt = filter.period() == null ? Long.MAX_VALUE : filter.period().end().toEpochDay();
            this.theme = filter.theme() == null ? null : filter.theme().name();
            this.text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
        }

        /** Every filter but status. */
        boolean matches(Entry e) {
            return !(filter.serviceArea() != null && !filter.serviceArea().equals(e.serviceArea())
                    || theme != null && !theme.equals(e.theme())
                    || filter.owner() != null && !filter.owner().equals(e.ownerUsername()) && !filter.owner().equals(e.ownerName())
                    || text != null && !e.text().contains(text));
        }

        /** The index of the latest measured period ending by the filter's period, or -1. */
        int latestPeriod(Entry e) {
            long[] ends = e.ends();
            for (int i = ends.length - 1; i >= 0; i--) {
                if (ends[i] <= asAt) {
                    return i;
                }
            }
            return -1;
        }
    }

    private void ensureLoaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    rebuild();
                }
            }
        }
    }

    /** Reads what was saved since the last pass (everything, the first time). */
    synchronized void refreshNow() {
        Instant since = lastSeen;
        Instant newest = since;
        Bson query = since == null ? Filters.empty() : Filters.gte("savedAt", Date.from(since.minus(OVERLAP)));
        Bson projection = Projections.include("serviceArea", "theme", "owner.username", "owner.name", "code", "name",
                "description", "statuses.end", "statuses.status", "statuses.needsRemedialCommentary", "savedAt");
        for (Document doc : mongo.getCollection(IndicatorDocument.COLLECTION).find(query).projection(projection)) {
            Document owner = doc.get("owner", Document.class);
            Date savedAt = doc.getDate("savedAt");
            Instant saved = savedAt == null ? Instant.EPOCH : savedAt.toInstant();
            String id = String.valueOf(doc.get("_id"));
            Entry existing = entries.get(id);
            if (existing != null && existing.savedAt() != null && existing.savedAt().isAfter(saved)) {
                continue;
            }
            entries.put(id, entry(doc.getString("code"), doc.getString("name"), doc.getString("serviceArea"), doc.getString("theme"),
                    owner == null ? null : owner.getString("username"), owner == null ? null : owner.getString("name"),
                    text(doc.getString("code"), doc.getString("name"), doc.getString("description")),
                    doc.getList("statuses", Document.class, List.of()).stream().map(s -> new Object[] {
                            s.getDate("end") == null ? null : s.getDate("end").toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                            s.getString("status"), Boolean.TRUE.equals(s.getBoolean("needsRemedialCommentary"))}).toList(),
                    saved));
            if (newest == null || saved.isAfter(newest)) {
                newest = saved;
            }
        }
        lastSeen = newest == null ? Instant.EPOCH : newest;
    }

    private static Entry entry(String code, String name, String serviceArea, String theme, String ownerUsername, String ownerName,
                               String text, List<Object[]> statuses, Instant savedAt) {
        long[] ends = new long[statuses.size()];
        byte[] codes = new byte[statuses.size()];
        boolean[] needs = new boolean[statuses.size()];
        for (int i = 0; i < statuses.size(); i++) {
            Object[] s = statuses.get(i);
            ends[i] = s[0] == null ? Long.MAX_VALUE : ((LocalDate) s[0]).toEpochDay();
            codes[i] = (byte) Status.valueOf((String) s[1]).ordinal();
            needs[i] = (Boolean) s[2];
        }
        return new Entry(code, name, serviceArea, theme, ownerUsername, ownerName, text, ends, codes, needs, savedAt);
    }

    private static String text(String code, String name, String description) {
        return ((code == null ? "" : code) + "\n" + (name == null ? "" : name) + "\n" + (description == null ? "" : description))
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("status-index").daemon().start(() -> {
            while (running) {
                try {
                    if (!loaded || Instant.now().isAfter(lastRebuild.plus(rebuildEvery))) {
                        rebuild();
                    } else {
                        refreshNow();
                    }
                    Thread.sleep(refresh.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Status index refresh failed; retrying: {}", e.getMessage());
                    try {
                        Thread.sleep(refresh.toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
