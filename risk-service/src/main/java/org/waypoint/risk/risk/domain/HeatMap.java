package org.waypoint.risk.risk.domain;

import java.util.ArrayList;
import java.util.List;

import org.waypoint.risk.register.domain.Assessment;

/**
 * How many risks sit in each cell of the 5x5 matrix, for one of the three assessments. Risks
 * without that assessment (a risk with no target yet) are counted apart, so that the cells plus
 * {@code withoutAssessment} always add up to {@code total}.
 *
 * @param counts five rows, likelihood 1-5, of five counts, impact 1-5
 */
public record HeatMap(Which assessment, List<List<Integer>> counts, int total, int withoutAssessment) {

    public static HeatMap of(List<Risk> risks, Which which) {
        int[][] cells = new int[5][5];
        int without = 0;
        for (Risk risk : risks) {
            Assessment a = risk.assessment(which);
            if (a == null) {
                without++;
            } else {
                cells[a.likelihood() - 1][a.impact() - 1]++;
            }
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : cells) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        return new HeatMap(which, List.copyOf(rows), risks.size(), without);
    }

    public int count(int likelihood, int impact) {
        return counts.get(likelihood - 1).get(impact - 1);
    }

    public int sumOfCells() {
        return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
    }
}
