package org.waypoint.indicator.indicator.domain;

/** How often an indicator is measured, and the kind of period each measurement covers. */
public enum Frequency {
    MONTHLY(Period.Kind.MONTH), QUARTERLY(Period.Kind.QUARTER), SIX_MONTHLY(Period.Kind.HALF), ANNUAL(Period.Kind.YEAR);

    private final Period.Kind periodKind;

    Frequency(Period.Kind periodKind) {
        this.periodKind = periodKind;
    }

    public Period.Kind periodKind() {
        return periodKind;
    }
}
