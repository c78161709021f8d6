package org.waypoint.risk.register.web;

import java.time.Instant;
import java.util.List;

import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.register.domain.RiskRegister;

/** A register as the API shows it: its banding both as cells and, where it has them, as score ranges. */
public record RegisterResponse(
        String id,
        String name,
        String organisation,
        String serviceArea,
        BandingResponse banding,
        List<CategoryResponse> categories,
        int frameworkRevision,
        String createdBy,
        Instant createdAt,
        long version) {

    public record BandingResponse(String description, List<RangeResponse> ranges, List<List<Band>> cells, Band top) {
    }

    public record RangeResponse(Band band, int from, int to) {
    }

    public record CategoryResponse(String name, Band highestAcceptableBand, Integer highestAcceptableScore, String appetite) {
    }

    public record ChangeResponse(Instant at, String by, String what, String justification, String before, String after) {
    }

    static RegisterResponse of(RiskRegister r) {
        return new RegisterResponse(r.id(), r.name(), r.organisation(), r.serviceArea(),
                new BandingResponse(r.banding().describe(),
                        r.banding().asScoreRanges().stream().map(x -> new RangeResponse(x.band(), x.from(), x.to())).toList(),
                        r.banding().cells(), r.banding().top()),
                r.categories().entrySet().stream().map(e -> new CategoryResponse(e.getKey(), e.getValue().highestAcceptableBand(),
                        e.getValue().highestAcceptableScore(), e.getValue().describe())).toList(),
                r.frameworkRevision(), r.createdBy(), r.createdAt(), r.version());
    }
}
