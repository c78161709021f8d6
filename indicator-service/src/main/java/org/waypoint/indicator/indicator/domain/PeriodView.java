package org.waypoint.indicator.indicator.domain;

/**
 * What a scorecard shows for one indicator and period: value, target, status, short trend, and
 * whether a red status still lacks its remedial-action commentary.
 */
public record PeriodView(Period period, Measurement measurement, Target target, Assessment assessment, Trend trend) {

    public MeasuredValue value() {
        return measurement == null ? null : measurement.value();
    }

    public String commentary() {
        return measurement == null ? null : measurement.commentary();
    }

    /** Red and nobody has said what is being done about it (seed 001, 4.2). */
    public boolean needsRemedialCommentary() {
        return assessment.status() == Status.RED && (measurement == null || !measurement.hasCommentary());
    }
}
