package org.waypoint.plan.common.persistence;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.waypoint.plan.common.domain.FieldChange;
import org.waypoint.plan.common.domain.HistoryEntry;

/** History entries as stored in the {@code history} array beside a plan or an action. */
public final class HistoryDocuments {

    public static final String FIELD = "history";

    private HistoryDocuments() {
    }

    public static Document toBson(HistoryEntry entry) {
        return new Document("at", Date.from(entry.at()))
                .append("by", entry.by())
                .append("what", entry.what())
                .append("changes", entry.changes().stream()
                        .map(c -> new Document("field", c.field()).append("from", c.from()).append("to", c.to()))
                        .toList());
    }

    public static List<HistoryEntry> fromBson(Document aggregate) {
        List<Document> entries = aggregate == null ? List.of() : aggregate.getList(FIELD, Document.class, List.of());
        return entries.stream().map(e -> new HistoryEntry(e.getDate("at").toInstant(), e.getString("by"),
                        e.getString("what"), e.getList("changes", Document.class, List.of()).stream()
                        .map(c -> new FieldChange(c.getString("field"), c.getString("from"), c.getString("to")))
                        .toList()))
                .toList();
    }
}
