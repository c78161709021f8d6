package org.waypoint.risk.transfer.application;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do), row by row. A row's warnings do not stop it
 * (a stated Risk Score that disagrees with Likelihood x Severity is reported and the computed
 * score kept); its errors reject it and nothing of it is stored.
 */
public record ImportReport(boolean dryRun, int rows, int created, int updated, int unchanged, int rejected,
                           List<RowReport> report) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record RowReport(long row, String code, Outcome outcome, Integer score, String band,
                            List<String> warnings, List<String> errors) {
    }

    static ImportReport of(boolean dryRun, List<RowReport> rows) {
        return new ImportReport(dryRun, rows.size(), count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                count(rows, Outcome.UNCHANGED), count(rows, Outcome.REJECTED), List.copyOf(rows));
    }

    private static int count(List<RowReport> rows, Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
