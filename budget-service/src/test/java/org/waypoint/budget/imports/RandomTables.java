package org.waypoint.budget.imports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.waypoint.budget.line.domain.Money;

/**
 * Budget tables as councils print them, made up at random: divisions down the side, funders across,
 * a row-total column and a "Total" row that state the right figures, amounts in pounds and pence
 * (with thousands separators), in £000 or in £m to three places, some zero. With the sums each
 * division and each funder should come to, in pounds.
 */
public final class RandomTables {

    public record Table(List<List<String>> rows, String unitLabel, Map<String, Money> byDivision, Map<String, Money> byFunder,
                        Money total, int nonZeroCells) {

        /** The table as tab-separated text. */
        public String tsv() {
            StringBuilder s = new StringBuilder();
            rows.forEach(r -> s.append(String.join("\t", r)).append('\n'));
            return s.toString();
        }
    }

    private RandomTables() {
    }

    public static Table generate(Random random, List<String> divisionCatalogue, String year) {
        List<String> divisions = new ArrayList<>(divisionCatalogue);
        Collections.shuffle(divisions, random);
        divisions = divisions.subList(0, 1 + random.nextInt(divisions.size()));
        int funderCount = 1 + random.nextInt(4);
        List<String> funders = new ArrayList<>();
        for (int f = 0; f < funderCount; f++) {
            funders.add("Funder " + (char) ('A' + f));
        }
        int unit = random.nextInt(3); // 0: pounds and pence, 1: £000, 2: £m to 3 places
        String unitLabel = switch (unit) {
            case 0 -> "£";
            case 1 -> "£000";
            default -> "£m";
        };
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Service Division");
        funders.forEach(f -> header.add(f + " Budget " + year + " " + unitLabel));
        header.add("Total " + year + " " + unitLabel);
        rows.add(header);
        Map<String, Money> byDivision = new LinkedHashMap<>();
        Map<String, Money> byFunder = new LinkedHashMap<>();
        BigDecimal[] columnSums = new BigDecimal[funderCount];
        java.util.Arrays.fill(columnSums, BigDecimal.ZERO);
        int nonZero = 0;
        for (String division : divisions) {
            List<String> row = new ArrayList<>();
            row.add(division);
            BigDecimal rowSum = BigDecimal.ZERO;
            for (int f = 0; f < funderCount; f++) {
                BigDecimal printed = random.nextInt(5) == 0 && (f > 0 || rows.size() > 1) ? BigDecimal.ZERO : switch (unit) {
                    case 0 -> BigDecimal.valueOf(random.nextLong(1, 5_000_000_000L), 2);
                    case 1 -> BigDecimal.valueOf(random.nextLong(1, 50_000_000L));
                    default -> BigDecimal.valueOf(random.nextLong(1, 200_000L), 3);
                };
                row.add(format(printed, unit));
                rowSum = rowSum.add(printed);
                columnSums[f] = columnSums[f].add(printed);
                if (printed.signum() != 0) {
                    nonZero++;
                    byDivision.merge(division, pounds(printed, unit), Money::plus);
                    byFunder.merge(funders.get(f), pounds(printed, unit), Money::plus);
                }
            }
            row.add(format(rowSum, unit));
            rows.add(row);
        }
        List<String> totalRow = new ArrayList<>();
        totalRow.add("Total");
        BigDecimal grand = BigDecimal.ZERO;
        for (BigDecimal c : columnSums) {
            totalRow.add(format(c, unit));
            grand = grand.add(c);
        }
        totalRow.add(format(grand, unit));
        rows.add(totalRow);
        return new Table(rows, unitLabel, byDivision, byFunder, pounds(grand, unit), nonZero);
    }

    private static Money pounds(BigDecimal printed, int unit) {
        return new Money(switch (unit) {
            case 0 -> printed;
            case 1 -> printed.movePointRight(3);
            default -> printed.movePointRight(6);
        });
    }

    private static String format(BigDecimal value, int unit) {
        if (value.signum() == 0) {
            return unit == 2 ? "0.000" : "0";
        }
        DecimalFormat f = new DecimalFormat(unit == 0 ? "#,##0.00" : unit == 1 ? "#,##0" : "0.000",
                DecimalFormatSymbols.getInstance(Locale.UK));
        return f.format(value);
    }
}
