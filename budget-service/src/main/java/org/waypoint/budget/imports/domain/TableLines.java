package org.waypoint.budget.imports.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.SubjectiveCategory;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Turns a checked budget table into the budget lines it states: one line per non-zero amount
 * cell. What a row label and a column header mean is the {@link Layout}: seed 000's rows are
 * divisions and its columns funders, seed 003's rows are divisions with one column of amounts,
 * seed 004's rows are subjective categories and its columns divisions. Row-total and percentage
 * columns, subtotal and total rows are never lines: totals are computed, not stored. Every cell
 * that cannot be a line is reported with its row and what is wrong; nothing is guessed.
 */
public final class TableLines {

    /** What a row label or a column header names. */
    public enum Axis {
        DIVISION, FUNDING_SOURCE, CATEGORY, PROJECT;

        public static Axis parse(String text, String field) {
            String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            return switch (t) {
                case "division", "divisions", "service" -> DIVISION;
                case "fundingsource", "funder", "funders", "funding" -> FUNDING_SOURCE;
                case "category", "categories", "subjective", "subjectivecategory" -> CATEGORY;
                case "project", "projects" -> PROJECT;
                default -> throw new InvalidInputException(field, "must be division, fundingSource, category or project");
            };
        }
    }

    /**
     * How to read the table: the organisation and year of every line, what rows and columns name,
     * and the values of what neither names (e.g. {@code fundingSource} for a table of divisions
     * with one column of amounts).
     */
    public record Layout(String organisation, FinancialYear year, Axis rows, Axis columns, String division,
                         String fundingSource, SubjectiveCategory category, BudgetType type, String project) {
    }

    /** A line the table states: where it was read (row, label, column) and what it says (service area not yet placed). */
    public record Proposed(int row, String label, String column, LineDetails details) {

        /** The line's identity in a budget: two lines may not share it. */
        public List<Object> key() {
            return keyOf(details);
        }
    }

    /** What cannot be a line, and why: {@code field} names the row ({@code rows[5].division}), the column or the parameter. */
    public record Problem(String field, String message) {
    }

    public record Proposal(List<Proposed> lines, List<Problem> problems, int zeroCellsSkipped) {
    }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*[-/\u2013]\\s*(\\d{2}|\\d{4})(?!\\d)");
    private static final Pattern UNIT = Pattern.compile("\\(?\\s*£\\s*('?000|k|m|million|s)?\\s*\\)?(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_WORDS = Pattern.compile("(\\s+(budgets?|estimates?|allocations?))+$",
            Pattern.CASE_INSENSITIVE);

    /** Headers that say a column holds money but not whose: "Amount", "Net Budget", "£ million". */
    private static final Set<String> GENERIC = Set.of("amount", "amounts", "value", "budget", "budgets", "net", "net budget",
            "gross", "gross budget", "estimate", "estimates", "budget estimates", "figure", "figures", "cost", "costs",
            "expenditure", "spend", "allocation", "detail", "million", "thousands");

    private TableLines() {
    }

    /** The identity of a line within a budget: year, organisation, division, funder, type, project, category. */
    public static List<Object> keyOf(LineDetails d) {
        return java.util.Arrays.asList(d.financialYear(), lower(d.organisation()), lower(d.division()), lower(d.fundingSource()),
                d.type(), lower(d.project()), d.category());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    public static Proposal propose(TableCheck.Report report, Layout layout) {
        List<Problem> problems = new ArrayList<>();
        List<String> amountColumns = amountColumns(report);
        boolean oneColumn = amountColumns.size() <= 1 && (amountColumns.isEmpty() || nameIn(amountColumns.getFirst()).isEmpty()
                || given(layout, layout.columns()) != null);
        Axis columns = oneColumn ? null : layout.columns();
        if (columns == layout.rows()) {
            problems.add(new Problem("columns", "must name something other than the rows (both are " + layout.rows() + ")"));
            return new Proposal(List.of(), problems, 0);
        }
        requireNamed(layout, columns, Axis.DIVISION, layout.division(), "division", oneColumn, problems);
        requireNamed(layout, columns, Axis.FUNDING_SOURCE, layout.fundingSource(), "fundingSource", oneColumn, problems);
        if (!problems.isEmpty()) {
            return new Proposal(List.of(), problems, 0);
        }
        Map<String, String> columnValue = new LinkedHashMap<>();
        if (columns != null) {
            for (String header : amountColumns) {
                String name = nameIn(header);
                if (name.isEmpty()) {
                    problems.add(new Problem("columns['" + header + "']", "names no " + label(columns)
                            + " once its year and unit are left out"));
                } else if (columns == Axis.CATEGORY && category(name).isEmpty()) {
                    problems.add(new Problem("columns['" + header + "'].category", "'" + name + "' is not a subjective category: "
                            + categories()));
                } else {
                    columnValue.put(header, name);
                }
            }
        }
        List<Proposed> lines = new ArrayList<>();
        Map<List<Object>, Proposed> seen = new LinkedHashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        int zeros = 0;
        for (TableCheck.Line line : report.lines()) {
            Optional<SubjectiveCategory> rowCategory = Optional.empty();
            if (layout.rows() == Axis.CATEGORY) {
                rowCategory = category(line.label());
                if (rowCategory.isEmpty()) {
                    problems.add(new Problem("rows[" + line.row() + "].category", "'" + line.label()
                            + "' is not a subjective category: " + categories()));
                    continue;
                }
            }
            for (TableCheck.Cell cell : line.amounts()) {
                if (cell.kind() != TableCheck.ColumnKind.AMOUNT || (columns != null && !columnValue.containsKey(cell.column()))) {
                    continue;
                }
                if (new java.math.BigDecimal(cell.amount()).signum() == 0) {
                    zeros++;
                    continue;
                }
                String division = layout.division();
                String fundingSource = layout.fundingSource();
                SubjectiveCategory category = layout.category();
                String project = layout.project();
                String rowValue = line.label();
                String columnText = columns == null ? null : columnValue.get(cell.column());
                switch (layout.rows()) {
                    case DIVISION -> division = rowValue;
                    case FUNDING_SOURCE -> fundingSource = rowValue;
                    case CATEGORY -> category = rowCategory.orElseThrow();
                    case PROJECT -> project = rowValue;
                }
                if (columns != null) {
                    switch (columns) {
                        case DIVISION -> division = columnText;
                        case FUNDING_SOURCE -> fundingSource = columnText;
                        case CATEGORY -> category = category(columnText).orElseThrow();
                        case PROJECT -> project = columnText;
                    }
                }
                BudgetType type = layout.type() != null ? layout.type() : project != null ? BudgetType.CAPITAL : BudgetType.REVENUE;
                try {
                    Money amount = Money.of(new java.math.BigDecimal(cell.amount()), "amount");
                    LineDetails details = new LineDetails(layout.year(), layout.organisation(), null, division, fundingSource, type,
                            project, category, null, amount, null);
                    Proposed proposed = new Proposed(line.row(), line.label(), cell.column(), details);
                    Proposed earlier = seen.putIfAbsent(proposed.key(), proposed);
                    if (earlier != null) {
                        problems.add(new Problem("rows[" + line.row() + "]", "column '" + cell.column()
                                + "' states the same budget line as row " + earlier.row() + ", column '" + earlier.column()
                                + "' (" + describe(details) + ")"));
                    } else {
                        lines.add(proposed);
                    }
                } catch (InvalidInputException e) {
                    if (reported.add(line.row() + "|" + e.field() + "|" + e.getMessage())) {
                        problems.add(new Problem("rows[" + line.row() + "]." + e.field(), "column '" + cell.column() + "', "
                                + cell.amount() + ": " + e.getMessage()));
                    }
                }
            }
        }
        return new Proposal(List.copyOf(lines), List.copyOf(problems), zeros);
    }

    /** The value the layout gives for what an axis names (null: none given). */
    private static Object given(Layout layout, Axis axis) {
        return switch (axis) {
            case DIVISION -> layout.division();
            case FUNDING_SOURCE -> layout.fundingSource();
            case CATEGORY -> layout.category();
            case PROJECT -> layout.project();
        };
    }

    private static void requireNamed(Layout layout, Axis columns, Axis axis, String given, String parameter, boolean oneColumn,
                                     List<Problem> problems) {
        if (layout.rows() != axis && columns != axis && (given == null || given.isBlank())) {
            problems.add(new Problem(parameter, "must be given: the table's rows are " + label(layout.rows())
                    + (oneColumn ? " and it has one column of amounts" : " and its columns " + label(columns))
                    + ", so nothing in it names the " + label(axis)));
        }
    }

    private static String label(Axis axis) {
        return switch (axis) {
            case DIVISION -> "division";
            case FUNDING_SOURCE -> "funding source";
            case CATEGORY -> "subjective category";
            case PROJECT -> "project";
        };
    }

    static String describe(LineDetails d) {
        StringBuilder s = new StringBuilder(d.division()).append(", ").append(d.fundingSource());
        if (d.project() != null) {
            s.append(", ").append(d.project());
        }
        if (d.category() != null) {
            s.append(", ").append(d.category().label());
        }
        return s.toString();
    }

    /** The headers of the columns of amounts, in the table's order. */
    public static List<String> amountColumns(TableCheck.Report report) {
        Set<String> present = new LinkedHashSet<>();
        report.lines().forEach(l -> l.amounts().stream().filter(c -> c.kind() == TableCheck.ColumnKind.AMOUNT)
                .forEach(c -> present.add(c.column())));
        return report.header().stream().filter(present::contains).toList();
    }

    /** What a header names once its year, unit and a trailing "Budget" are left out: "EAC Delegated Budget 2021/22 £m" is "EAC Delegated". */
    public static String nameIn(String header) {
        String s = YEAR.matcher(header).replaceAll(" ");
        s = UNIT.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\s+", " ").strip();
        s = TRAILING_WORDS.matcher(s).replaceAll("");
        s = s.replaceAll("^[\\s\\-:,(]+|[\\s\\-:,(]+$", "").strip();
        return GENERIC.contains(s.toLowerCase(Locale.ROOT)) ? "" : s;
    }

    /** The one financial year the header names (e.g. "Budget Estimates 2019/20"), if it names exactly one. */
    public static Optional<FinancialYear> yearIn(List<String> header) {
        Set<FinancialYear> years = new LinkedHashSet<>();
        for (String h : header) {
            Matcher m = YEAR.matcher(h == null ? "" : h);
            while (m.find()) {
                try {
                    years.add(FinancialYear.parse(m.group()));
                } catch (InvalidInputException notAYear) {
                    // "2021-2023" or the like: not a financial year
                }
            }
        }
        return years.size() == 1 ? Optional.of(years.iterator().next()) : Optional.empty();
    }

    /** A subjective category by its name (STAFF) or as budget papers print it ("Staff Costs", "Staff"). */
    public static Optional<SubjectiveCategory> category(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = squash(text);
        for (SubjectiveCategory c : SubjectiveCategory.values()) {
            String label = squash(c.label());
            if (t.equals(squash(c.name())) || t.equals(label) || t.equals(label.replaceAll("(costs|income)$", ""))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z]", "");
    }

    private static String categories() {
        StringBuilder s = new StringBuilder("use one of ");
        for (SubjectiveCategory c : SubjectiveCategory.values()) {
            s.append(c.ordinal() == 0 ? "" : ", ").append(c.label());
        }
        return s.toString();
    }

    /**
     * A short fingerprint of exactly these disagreements (row, column, stated and computed figure):
     * accepting discrepancies means quoting it, so that nobody accepts discrepancies they have not
     * been shown, nor those of a table that changed since. Null when there are none.
     */
    public static String acknowledgement(List<TableCheck.Disagreement> disagreements) {
        if (disagreements.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (TableCheck.Disagreement d : disagreements) {
            text.append(d.row()).append('|').append(d.column()).append('|').append(d.check()).append('|')
                    .append(d.stated()).append('|').append(d.computed()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
