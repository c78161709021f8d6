package org.waypoint.risk.register.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.waypoint.risk.register.domain.Appetite;
import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.RiskRegister;

/** A register as stored in {@code risk_registers}. */
public record RiskRegisterDocument(
        @Id String id,
        String name,
        String organisation,
        String serviceArea,
        List<List<Band>> banding,
        List<CategoryDocument> categories,
        int frameworkRevision,
        List<ChangeDocument> changes,
        String createdBy,
        Instant createdAt,
        long version) {

    public static final String COLLECTION = "risk_registers";

    public record CategoryDocument(String name, Band highestAcceptableBand, Integer highestAcceptableScore) {
    }

    public record ChangeDocument(Instant at, String by, String what, String justification, String before, String after) {
    }

    static RiskRegisterDocument from(RiskRegister r) {
        return new RiskRegisterDocument(r.id(), r.name(), r.organisation(), r.serviceArea(), r.banding().cells(),
                r.categories().entrySet().stream().map(e -> new CategoryDocument(e.getKey(),
                        e.getValue().highestAcceptableBand(), e.getValue().highestAcceptableScore())).toList(),
                r.frameworkRevision(),
                r.changes().stream().map(c -> new ChangeDocument(c.at(), c.by(), c.what(), c.justification(), c.before(), c.after())).toList(),
                r.createdBy(), r.createdAt(), r.version());
    }

    RiskRegister toDomain() {
        Map<String, Appetite> cats = new LinkedHashMap<>();
        categories.forEach(c -> cats.put(c.name(), new Appetite(c.highestAcceptableBand(), c.highestAcceptableScore())));
        return RiskRegister.restore(id, name, organisation, serviceArea, Banding.byCells(banding), cats, frameworkRevision,
                changes == null ? List.of() : changes.stream().map(c -> new RiskRegister.Change(c.at(), c.by(), c.what(),
                        c.justification(), c.before(), c.after())).toList(),
                createdBy, createdAt, version);
    }
}
