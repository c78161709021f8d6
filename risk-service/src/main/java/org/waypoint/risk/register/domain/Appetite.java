package org.waypoint.risk.register.domain;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * How much risk of a category the organisation accepts: either the highest acceptable band or the
 * highest acceptable score (exactly one of the two).
 */
public record Appetite(Band highestAcceptableBand, Integer highestAcceptableScore) {

    public Appetite {
        if ((highestAcceptableBand == null) == (highestAcceptableScore == null)) {
            throw new InvalidInputException("appetite", "give either highestAcceptableBand or highestAcceptableScore");
        }
        if (highestAcceptableScore != null && (highestAcceptableScore < 1 || highestAcceptableScore > 25)) {
            throw new InvalidInputException("appetite.highestAcceptableScore", "must be between 1 and 25");
        }
    }

    public static Appetite upToBand(Band band) {
        return new Appetite(band, null);
    }

    public static Appetite upToScore(int score) {
        return new Appetite(null, score);
    }

    public boolean isExceededBy(Assessment assessment) {
        if (assessment == null) {
            return false;
        }
        return highestAcceptableBand != null
                ? assessment.band().compareTo(highestAcceptableBand) > 0
                : assessment.score() > highestAcceptableScore;
    }

    public String describe() {
        return highestAcceptableBand != null ? "up to " + highestAcceptableBand.label() : "up to a score of " + highestAcceptableScore;
    }
}
