package org.waypoint.risk.api;

/** An assessment as events carry it: likelihood and impact 1-5, score = likelihood x impact, band. */
public record ScoreRef(int likelihood, int impact, int score, String band) {
}
