package org.waypoint.risk.transfer.application;

import java.util.List;

/**
 * What an import did (or, in a dry run or when a row is wrong, would do), row by row. A row's
 * warnings do not stop it (a stated Risk Score that disagrees with Likelihood x Severity is
 * reported and the computed score kept); an error in any row stops the whole file: nothing is
 * stored ({@code stored} false) until every row is right.
 */
public record ImportReport(boolean dryRun, boolean stored, int rows, int created, int updated, int unchanged, int rejected,
                           List<RowReport> report) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** A row's outcome; {@code row} is its number in the file as a spreadsheet shows it (the header is row 1). */
    public record RowReport(long row, String code, Outcome outcome, Integer score, String band,
                            List<String> warnings, List<RowError> errors) {
    }

    /** What is wrong in a row: the column and why. */
    public record RowError(String field, String message) {
    }

    static ImportReport of(boolean dryRun, boolean stored, List<RowReport> rows) {
        return new ImportReport(dryRun, stored, rows.size(), count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                count(rows, Outcome.UNCHANGED), count(rows, Outcome.REJECTED), List.copyOf(rows));
    }

    private static int count(List<RowReport> rows, Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
