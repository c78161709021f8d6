package org.waypoint.indicator.indicator.domain;

import java.time.Instant;
import java.util.List;

/** One change to an indicator's definition: who, when, which fields, and the earlier values as text. */
public record DefinitionChange(String changedBy, Instant changedAt, List<String> fields, String before, String after) {

    public DefinitionChange {
        fields = List.copyOf(fields);
    }
}
