package org.waypoint.risk.register.domain;

import java.util.Objects;

/** A rating with its score (likelihood x impact) and the band the matrix puts it in. */
public record Assessment(int likelihood, int impact, int score, Band band) {

    public Assessment {
        new Rating(likelihood, impact);
        if (score != likelihood * impact) {
            throw new IllegalArgumentException("score " + score + " is not " + likelihood + " x " + impact);
        }
        Objects.requireNonNull(band, "band");
    }

    public static Assessment of(Rating rating, Banding banding) {
        return new Assessment(rating.likelihood(), rating.impact(), rating.score(),
                banding.bandOf(rating.likelihood(), rating.impact()));
    }

    public Rating rating() {
        return new Rating(likelihood, impact);
    }

    public Assessment rebanded(Banding banding) {
        return of(rating(), banding);
    }

    public boolean sameRating(Assessment other) {
        return other != null && likelihood == other.likelihood && impact == other.impact;
    }

    @Override
    public String toString() {
        return likelihood + " x " + impact + " = " + score + " (" + band.label() + ")";
    }
}
