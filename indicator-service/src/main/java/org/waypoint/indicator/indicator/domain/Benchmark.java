package org.waypoint.indicator.indicator.domain;

import java.util.Objects;

/** A comparator from outside: its source ("LGBF", "National Standard") and, when known, its value. */
public record Benchmark(String source, MeasuredValue value) {

    public Benchmark {
        Objects.requireNonNull(source, "source");
    }
}
