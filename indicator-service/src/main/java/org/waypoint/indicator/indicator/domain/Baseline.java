package org.waypoint.indicator.indicator.domain;

import java.util.Objects;

/** Where an indicator started: a value and, when known, the period it was measured in (often 2019/20, pre-Covid). */
public record Baseline(MeasuredValue value, Period period) {

    public Baseline {
        Objects.requireNonNull(value, "value");
    }
}
