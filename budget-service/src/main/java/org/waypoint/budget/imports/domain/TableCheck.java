package org.waypoint.budget.imports.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.totals.domain.Shares;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Checks a budget table as councils publish it (seed 000's budget by division and funder, seed
 * 003's net budget by service with its percentages, seed 004's subjective analysis with subtotals)
 * against its own arithmetic. Every stated total, subtotal, row total and percentage is compared
 * with what its lines add up to, and every disagreement is reported with the row, the stated and
 * the computed figure. Nothing is corrected: the report says what is wrong, a person decides.
 *
 * <p>How rows are read: the header row names the columns; a column whose header says "%" holds
 * percentages, one whose header says "total" (or is named as the total column) holds row totals,
 * every other column holds amounts. A row labelled "Total..." is a grand total of all lines; a row
 * without a label is a subtotal of the lines since the previous heading or subtotal; a row without
 * any figure is a heading; every other row is a line. Amounts may carry £, thousands separators
 * and brackets for negatives; a unit in the header ("£m", "£ million", "£000") scales them.
 */
public final class TableCheck {

    public enum Unit { POUNDS, THOUSANDS, MILLIONS }

    public enum RowKind { LINE, SUBTOTAL, TOTAL, HEADING }

    /** What a column of figures holds: amounts (lines' figures), each row's stated total, or percentages. */
    public enum ColumnKind { AMOUNT, ROW_TOTAL, PERCENT }

    /** A line of the table as read: its figures in pounds (null where a column holds a percentage). */
    public record Line(int row, String label, List<Cell> amounts) {
    }

    /** One figure of a line, in pounds: from an AMOUNT column (the line's own money) or a ROW_TOTAL column (its stated total). */
    public record Cell(String column, String amount, ColumnKind kind) {
    }

    /** One stated figure that its lines contradict. */
    public record Disagreement(int row, String label, String column, String check, String stated, String computed,
                               String difference) {
    }

    /** A row read as a heading (no figures): listed so that nothing is skipped unseen. */
    public record Heading(int row, String label) {
    }

    public record Report(int rowsRead, Unit unit, List<String> header, List<Line> lines, List<Heading> headings, int checks,
                         List<Disagreement> disagreements) {
        public boolean agrees() {
            return disagreements.isEmpty();
        }
    }

    private static final Pattern TOTAL_LABEL = Pattern.compile("^(grand\\s+)?totals?\\b.*", Pattern.CASE_INSENSITIVE);
    /** sign, pounds (plain or grouped in threes by commas or by spaces), pence, percent. */
    private static final Pattern PRINTED = Pattern.compile(
            "^(-)?\\s*£?\\s*(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+)(\\.\\d+)?\\s*%?$");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("^[\\d.,eExX+\\-£()%\\s]+$");
    private static final Pattern NON_NUMBERS = Pattern.compile("^[+-]?(infinity|inf|nan)$", Pattern.CASE_INSENSITIVE);

    private TableCheck() {
    }

    /**
     * @param rows        the cells of the table, first row the header
     * @param unit        the unit of the amounts; null: read it from the header
     * @param totalColumn the header of the row-total column when it does not say "total" (may be null)
     */
    public static Report check(List<List<String>> rows, Unit unit, String totalColumn) {
        return check(rows, unit, totalColumn, 1);
    }

    /**
     * @param firstRow the number a person sees beside the header row (1, unless blank rows above it
     *                 were left out): rows are reported by that numbering
     */
    public static Report check(List<List<String>> rows, Unit unit, String totalColumn, int firstRow) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "is empty: the first row must name the columns");
        }
        List<String> header = rows.getFirst().stream().map(c -> c == null ? "" : c.strip()).toList();
        if (header.size() < 2) {
            throw new InvalidInputException("file", "row " + firstRow + " must name a label column and at least one column of figures");
        }
        Unit scale = unit != null ? unit : unitOf(header);
        List<ColumnKind> kinds = new ArrayList<>();
        kinds.add(null);
        for (int c = 1; c < header.size(); c++) {
            String h = header.get(c).toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                kinds.add(null); // an unnamed column: must stay empty
            } else if (h.contains("%") || h.contains("percent")) {
                kinds.add(ColumnKind.PERCENT);
            } else if (h.contains("total") || (totalColumn != null && header.get(c).equalsIgnoreCase(totalColumn.strip()))) {
                kinds.add(ColumnKind.ROW_TOTAL);
            } else {
                kinds.add(ColumnKind.AMOUNT);
            }
        }
        if (!kinds.contains(ColumnKind.AMOUNT) && !kinds.contains(ColumnKind.ROW_TOTAL)) {
            throw new InvalidInputException("file", "row " + firstRow + " names no column of amounts");
        }

        List<Read> read = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            read(r + firstRow, rows.get(r), header, kinds, scale).ifPresent(read::add);
        }

        Checker checker = new Checker(header, kinds);
        List<Read> section = new ArrayList<>();
        List<Read> all = new ArrayList<>();
        for (Read row : read) {
            checker.rowTotal(row);
            switch (row.kind) {
                case LINE -> {
                    section.add(row);
                    all.add(row);
                }
                case HEADING -> section.clear();
                case SUBTOTAL -> {
                    checker.columnTotals(row, section, "subtotal of the rows above");
                    section.clear();
                }
                case TOTAL -> checker.columnTotals(row, all, "total of all lines");
            }
        }
        checker.percentages(read, all);
        List<Line> lines = all.stream().map(r -> new Line(r.row, r.label, cells(r, header, kinds))).toList();
        List<Heading> headings = read.stream().filter(r -> r.kind == RowKind.HEADING).map(r -> new Heading(r.row, r.label)).toList();
        return new Report(rows.size() - 1, scale, header, lines, headings, checker.checks, List.copyOf(checker.disagreements));
    }

    private static List<Cell> cells(Read r, List<String> header, List<ColumnKind> kinds) {
        List<Cell> cells = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            if (kinds.get(c) != ColumnKind.PERCENT && r.values[c] != null) {
                cells.add(new Cell(header.get(c), r.values[c].toString(), kinds.get(c)));
            }
        }
        return cells;
    }

    /** A row as read: its kind, its amounts in pounds (index = column) and its stated percentage. */
    private record Read(int row, String label, RowKind kind, Money[] values, BigDecimal[] percents) {
    }

    private static Optional<Read> read(int rowNumber, List<String> cells, List<String> header, List<ColumnKind> kinds, Unit unit) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return Optional.empty();
        }
        if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> c != null && !c.isBlank())) {
            throw new InvalidInputException("file", "row " + rowNumber + " has " + cells.size() + " cells but the header names "
                    + header.size() + " columns");
        }
        String label = cells.getFirst() == null ? "" : cells.getFirst().strip();
        Money[] values = new Money[header.size()];
        BigDecimal[] percents = new BigDecimal[header.size()];
        int figures = 0;
        int words = 0;
        int blanks = 0;
        for (int c = 1; c < header.size(); c++) {
            String cell = c < cells.size() && cells.get(c) != null ? cells.get(c).strip() : "";
            if (cell.isEmpty()) {
                if (kinds.get(c) != null) {
                    blanks++;
                }
                continue;
            }
            if (kinds.get(c) == null) {
                throw new InvalidInputException("file", "row " + rowNumber + ", column " + (c + 1) + ": '" + cell
                        + "' is in a column without a header");
            }
            Optional<BigDecimal> number = number(cell);
            if (number.isEmpty() && looksLikeAFigure(cell)) {
                throw new InvalidInputException("file", "row " + rowNumber + (label.isEmpty() ? "" : " '" + label + "'")
                        + ", column '" + header.get(c) + "': '" + cell + "' is not an amount: write amounts as printed, e.g. "
                        + "1234.50, 1,234.50, (243,922) or 0.185, without an exponent");
            }
            if (number.isEmpty()) {
                words++;
                continue;
            }
            figures++;
            if (kinds.get(c) == ColumnKind.PERCENT) {
                percents[c] = number.get();
            } else {
                BigDecimal pounds = switch (unit) {
                    case POUNDS -> number.get();
                    case THOUSANDS -> number.get().movePointRight(3);
                    case MILLIONS -> number.get().movePointRight(6);
                };
                if (pounds.stripTrailingZeros().scale() > 2) {
                    throw new InvalidInputException("file", "row " + rowNumber + ", column '" + header.get(c) + "': '" + cell
                            + "' is more precise than a penny");
                }
                values[c] = new Money(pounds);
            }
        }
        if (figures == 0 && (words == 0 || blanks == 0)) {
            // a heading: no figures at all, or words in every column (seed 004's "Expense E L E E L L")
            return Optional.of(new Read(rowNumber, label, RowKind.HEADING, values, percents));
        }
        if (words > 0) {
            for (int c = 1; c < header.size(); c++) {
                String cell = c < cells.size() && cells.get(c) != null ? cells.get(c).strip() : "";
                if (!cell.isEmpty() && number(cell).isEmpty()) {
                    throw new InvalidInputException("file", "row " + rowNumber + (label.isEmpty() ? "" : " '" + label + "'")
                            + ", column '" + header.get(c) + "': '" + cell + "' is not an amount");
                }
            }
        }
        RowKind kind = label.isEmpty() ? RowKind.SUBTOTAL : TOTAL_LABEL.matcher(label).matches() ? RowKind.TOTAL : RowKind.LINE;
        return Optional.of(new Read(rowNumber, label, kind, values, percents));
    }

    /**
     * An amount as councils print it: "1,234.50", "£4,374.00", "(243,922)" (negative), "-1,200.50",
     * "-" (nothing), "0.185", "1 234", "19%". Thousands separators (a comma or a space) must group
     * threes; anything else that looks like a figure ("1e3", "12,00", "1,2,3", "Infinity", "NaN",
     * "+5") is not an amount, and is refused as one, never read as a word of a heading row.
     */
    static Optional<BigDecimal> number(String cell) {
        String s = cell.replace('\u00a0', ' ').replace('\u2013', '-').strip();
        boolean negative = s.startsWith("(") && s.endsWith(")");
        if (negative) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.equals("-")) {
            return Optional.of(BigDecimal.ZERO);
        }
        Matcher m = PRINTED.matcher(s);
        if (!m.matches() || (negative && m.group(1) != null)) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(2).replace(",", "").replace(" ", "") + (m.group(3) == null ? "" : m.group(3)));
        return Optional.of(negative || m.group(1) != null ? value.negate() : value);
    }

    /** A cell that is meant as a figure (digits, signs, separators, an exponent, Infinity or NaN) but is not one a council prints. */
    static boolean looksLikeAFigure(String cell) {
        String s = cell.strip();
        return NUMERIC_LOOKING.matcher(s).matches() && s.chars().anyMatch(Character::isDigit) || NON_NUMBERS.matcher(s).matches();
    }

    private static Unit unitOf(List<String> header) {
        String all = String.join(" ", header).toLowerCase(Locale.ROOT);
        if (all.contains("£m") || all.contains("million")) {
            return Unit.MILLIONS;
        }
        if (all.contains("£k") || all.contains("£000") || all.contains("£'000") || all.contains("thousand")) {
            return Unit.THOUSANDS;
        }
        return Unit.POUNDS;
    }

    private static final class Checker {
        private final List<String> header;
        private final List<ColumnKind> kinds;
        private final List<Disagreement> disagreements = new ArrayList<>();
        private int checks;

        Checker(List<String> header, List<ColumnKind> kinds) {
            this.header = header;
            this.kinds = kinds;
        }

        /** A row's stated total against the sum of its amount columns. */
        void rowTotal(Read row) {
            if (row.kind == RowKind.HEADING) {
                return;
            }
            Money sum = Money.ZERO;
            boolean any = false;
            for (int c = 1; c < header.size(); c++) {
                if (kinds.get(c) == ColumnKind.AMOUNT && row.values[c] != null) {
                    sum = sum.plus(row.values[c]);
                    any = true;
                }
            }
            for (int c = 1; c < header.size(); c++) {
                if (kinds.get(c) == ColumnKind.ROW_TOTAL && row.values[c] != null && any) {
                    compare(row, c, "row total of the amount columns", row.values[c], sum);
                }
            }
        }

        /** A total or subtotal row against the sum of the lines it totals, column by column. */
        void columnTotals(Read row, List<Read> lines, String check) {
            for (int c = 1; c < header.size(); c++) {
                if (kinds.get(c) != ColumnKind.PERCENT && row.values[c] != null) {
                    Money sum = Money.ZERO;
                    for (Read line : lines) {
                        if (line.values[c] != null) {
                            sum = sum.plus(line.values[c]);
                        }
                    }
                    compare(row, c, check, row.values[c], sum);
                }
            }
        }

        /** Stated percentages against whole-number shares (largest remainder) of the lines' totals. */
        void percentages(List<Read> rows, List<Read> lines) {
            int percentColumn = kinds.indexOf(ColumnKind.PERCENT);
            if (percentColumn < 0) {
                return;
            }
            int basis = kinds.indexOf(ColumnKind.ROW_TOTAL);
            if (basis < 0 && kinds.stream().filter(k -> k == ColumnKind.AMOUNT).count() == 1) {
                basis = kinds.indexOf(ColumnKind.AMOUNT);
            }
            List<Money> amounts = new ArrayList<>();
            for (Read line : lines) {
                amounts.add(basis < 0 ? rowSum(line) : line.values[basis] == null ? Money.ZERO : line.values[basis]);
            }
            Optional<List<Integer>> shares = Shares.of(amounts);
            for (int i = 0; i < lines.size(); i++) {
                BigDecimal stated = lines.get(i).percents[percentColumn];
                if (stated == null) {
                    continue;
                }
                checks++;
                if (shares.isEmpty()) {
                    disagreements.add(new Disagreement(lines.get(i).row, lines.get(i).label, header.get(percentColumn),
                            "share of the total", stated.toPlainString(), null,
                            "no whole-number shares: the lines include negative amounts or add to zero"));
                } else if (stated.compareTo(BigDecimal.valueOf(shares.get().get(i))) != 0) {
                    disagreements.add(new Disagreement(lines.get(i).row, lines.get(i).label, header.get(percentColumn),
                            "share of the total (whole numbers adding to 100)", stated.toPlainString(),
                            shares.get().get(i).toString(), BigDecimal.valueOf(shares.get().get(i)).subtract(stated).toPlainString()));
                }
            }
            for (Read row : rows) {
                BigDecimal stated = row.percents[percentColumn];
                if (row.kind == RowKind.TOTAL && stated != null) {
                    checks++;
                    if (stated.compareTo(BigDecimal.valueOf(100)) != 0) {
                        disagreements.add(new Disagreement(row.row, row.label, header.get(percentColumn), "shares of a whole add to 100",
                                stated.toPlainString(), "100", BigDecimal.valueOf(100).subtract(stated).toPlainString()));
                    }
                }
            }
        }

        private Money rowSum(Read line) {
            Money sum = Money.ZERO;
            for (int c = 1; c < header.size(); c++) {
                if (kinds.get(c) == ColumnKind.AMOUNT && line.values[c] != null) {
                    sum = sum.plus(line.values[c]);
                }
            }
            return sum;
        }

        private void compare(Read row, int column, String check, Money stated, Money computed) {
            checks++;
            if (stated.compareTo(computed) != 0) {
                disagreements.add(new Disagreement(row.row, row.label.isEmpty() ? "(subtotal)" : row.label, header.get(column), check,
                        stated.toString(), computed.toString(), computed.minus(stated).toString()));
            }
        }
    }
}
