package org.waypoint.risk.register.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * Which band each cell of the 5x5 matrix (likelihood 1-5 by impact 1-5) falls in. Configured
 * either by score ranges (the common "low 1-4, medium 5-9, high 10-16, very high 20-25") or cell
 * by cell, for organisations whose matrix is not symmetric. Every banding is checked: all 25 cells
 * banded, and a cell never in a lower band than a cell with a lower or equal likelihood and impact.
 */
public final class Banding {

    /** The scores a 5x5 matrix can produce: 17, 18, 19, 21-24 are impossible. */
    public static final Set<Integer> ACHIEVABLE_SCORES;

    static {
        Set<Integer> scores = new TreeSet<>();
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                scores.add(l * i);
            }
        }
        ACHIEVABLE_SCORES = Set.copyOf(scores);
    }

    /** A band given to every score from {@code from} to {@code to}, both included. */
    public record ScoreRange(Band band, int from, int to) {
    }

    public static final Banding DEFAULT = byScoreRanges(List.of(
            new ScoreRange(Band.LOW, 1, 4),
            new ScoreRange(Band.MEDIUM, 5, 9),
            new ScoreRange(Band.HIGH, 10, 16),
            new ScoreRange(Band.VERY_HIGH, 20, 25)));

    private final Band[][] cells; // [likelihood - 1][impact - 1]

    private Banding(Band[][] cells) {
        this.cells = cells;
        checkMonotonic();
    }

    public static Banding byScoreRanges(List<ScoreRange> ranges) {
        if (ranges == null || ranges.isEmpty()) {
            throw new InvalidInputException("banding.ranges", "must give at least one score range");
        }
        Band[] byScore = new Band[26];
        for (int n = 0; n < ranges.size(); n++) {
            ScoreRange range = ranges.get(n);
            String field = "banding.ranges[" + n + "]";
            if (range == null || range.band() == null) {
                throw new InvalidInputException(field + ".band", "must not be blank");
            }
            if (range.from() < 1 || range.to() > 25 || range.from() > range.to()) {
                throw new InvalidInputException(field, "must run from a score of 1-25 to a score not below it, was "
                        + range.from() + "-" + range.to());
            }
            for (int score = range.from(); score <= range.to(); score++) {
                if (byScore[score] != null) {
                    throw new InvalidInputException(field, "score " + score + " is already in band " + byScore[score]);
                }
                byScore[score] = range.band();
            }
        }
        List<Integer> missing = ACHIEVABLE_SCORES.stream().sorted().filter(s -> byScore[s] == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("banding.ranges", "leave scores " + missing + " without a band");
        }
        Band[][] cells = new Band[5][5];
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                cells[l - 1][i - 1] = byScore[l * i];
            }
        }
        return new Banding(cells);
    }

    /** @param rows five rows, likelihood 1 to 5, each of five bands, impact 1 to 5 */
    public static Banding byCells(List<List<Band>> rows) {
        if (rows == null || rows.size() != 5) {
            throw new InvalidInputException("banding.cells", "must have 5 rows (likelihood 1-5)");
        }
        Band[][] cells = new Band[5][5];
        for (int l = 0; l < 5; l++) {
            List<Band> row = rows.get(l);
            if (row == null || row.size() != 5) {
                throw new InvalidInputException("banding.cells[" + l + "]", "must have 5 cells (impact 1-5)");
            }
            for (int i = 0; i < 5; i++) {
                if (row.get(i) == null) {
                    throw new InvalidInputException("banding.cells[" + l + "][" + i + "]", "must not be blank");
                }
                cells[l][i] = row.get(i);
            }
        }
        return new Banding(cells);
    }

    private void checkMonotonic() {
        for (int l = 0; l < 5; l++) {
            for (int i = 0; i < 5; i++) {
                if (l > 0 && cells[l][i].compareTo(cells[l - 1][i]) < 0
                        || i > 0 && cells[l][i].compareTo(cells[l][i - 1]) < 0) {
                    throw new InvalidInputException("banding", "likelihood " + (l + 1) + " x impact " + (i + 1)
                            + " is in a lower band (" + cells[l][i] + ") than a cell with a lower likelihood or impact");
                }
            }
        }
    }

    public Band bandOf(int likelihood, int impact) {
        Rating.check(likelihood, "likelihood");
        Rating.check(impact, "impact");
        return cells[likelihood - 1][impact - 1];
    }

    /** The highest band any cell is in: "the top band" of this matrix. */
    public Band top() {
        Band top = Band.LOW;
        for (Band[] row : cells) {
            for (Band band : row) {
                if (band.compareTo(top) > 0) {
                    top = band;
                }
            }
        }
        return top;
    }

    /** Five rows (likelihood 1-5) of five bands (impact 1-5). */
    public List<List<Band>> cells() {
        List<List<Band>> rows = new ArrayList<>();
        for (Band[] row : cells) {
            rows.add(List.of(row));
        }
        return List.copyOf(rows);
    }

    /** The banding as score ranges, if every score has one band (true of banding by ranges). */
    public List<ScoreRange> asScoreRanges() {
        Band[] byScore = new Band[26];
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                Band band = cells[l - 1][i - 1];
                if (byScore[l * i] != null && byScore[l * i] != band) {
                    return List.of();
                }
                byScore[l * i] = band;
            }
        }
        List<ScoreRange> ranges = new ArrayList<>();
        int from = -1;
        int last = -1;
        Band current = null;
        for (int score : ACHIEVABLE_SCORES.stream().sorted().toList()) {
            if (byScore[score] != current) {
                if (current != null) {
                    ranges.add(new ScoreRange(current, from, last));
                }
                current = byScore[score];
                from = score;
            }
            last = score;
        }
        ranges.add(new ScoreRange(current, from, last == 24 ? 25 : last));
        return List.copyOf(ranges);
    }

    /** "Low 1-4, Medium 5-9, High 10-16, Very high 20-25", or "by cell" for a matrix that is not by score. */
    public String describe() {
        List<ScoreRange> ranges = asScoreRanges();
        if (ranges.isEmpty()) {
            return "by cell: " + cells();
        }
        return String.join(", ", ranges.stream().map(r -> r.band().label() + " " + r.from() + "-" + r.to()).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Banding other && Arrays.deepEquals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return describe();
    }

}
