package org.waypoint.budget.totals.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.budget.line.application.BudgetQueries;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.budget.line.domain.Variance;
import org.waypoint.budget.line.web.BudgetLineController;
import org.waypoint.budget.line.web.BudgetLineFilterParams;
import org.waypoint.budget.spreadsheet.Files;
import org.waypoint.budget.spreadsheet.Spreadsheets;
import org.waypoint.budget.totals.domain.Dimension;
import org.waypoint.budget.totals.domain.GroupTotal;
import org.waypoint.budget.totals.domain.Totals;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Totals and shares of budget lines along any dimensions ({@code by=division,fundingSource}),
 * for any filter: always computed from the lines, never stored. {@code /api/budgets/totals} and
 * {@code /api/budgets/shares}.
 */
@RestController
@RequestMapping("/api/budgets")
public class TotalsController {

    private final BudgetQueries queries;
    private final Thresholds thresholds;

    public TotalsController(BudgetQueries queries, Thresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    public record TotalsResponse(List<String> by, List<Group> groups, Group total, String sharesNote) {
    }

    /**
     * One group: its key, budget, latest actuals and projection, variance, status, and whole-number
     * share of the total budget (the shares of all groups add up to 100).
     */
    public record Group(Map<String, String> key, int lines, String budget, String actualToDate, String projectedOutturn,
                        String variance, String variancePercent, String outturnPercent, String status,
                        int linesWithoutProjection, Integer sharePercent) {

        static Group of(GroupTotal t) {
            Variance v = t.variance();
            return new Group(t.key(), t.lines(), t.budget().toString(), t.actualToDate().toString(),
                    v.projectedOutturn() == null ? null : v.projectedOutturn().toString(),
                    v.variance() == null ? null : v.variance().toString(), Variance.text(v.variancePercent()),
                    Variance.text(v.outturnPercent()), v.status().name(), t.linesWithoutProjection(), t.sharePercent());
        }
    }

    public record Share(Map<String, String> key, String budget, Integer percent) {
    }

    public record SharesResponse(List<String> by, String total, List<Share> shares, String note) {
    }

    @GetMapping("/totals")
    @PreAuthorize(Roles.CAN_READ)
    public TotalsResponse totals(@RequestParam(defaultValue = "division") String by,
                                 @ParameterObject BudgetLineFilterParams filter) {
        Totals totals = compute(by, filter);
        return new TotalsResponse(totals.by().stream().map(Dimension::apiName).toList(),
                totals.groups().stream().map(Group::of).toList(), Group.of(totals.total()), note(totals));
    }

    @GetMapping("/shares")
    @PreAuthorize(Roles.CAN_READ)
    public SharesResponse shares(@RequestParam(defaultValue = "division") String by,
                                 @ParameterObject BudgetLineFilterParams filter) {
        Totals totals = compute(by, filter);
        return new SharesResponse(totals.by().stream().map(Dimension::apiName).toList(), totals.total().budget().toString(),
                totals.groups().stream().map(g -> new Share(g.key(), g.budget().toString(), g.sharePercent())).toList(),
                note(totals));
    }

    /**
     * Totals and shares for any grouping and filter as a file (the same figures as {@code /totals}):
     * one row per group with its key columns, then the grand total. {@code /shares/export} is the same file.
     */
    @GetMapping({"/totals/export", "/shares/export"})
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format,
                                         @RequestParam(defaultValue = "division") String by,
                                         @ParameterObject BudgetLineFilterParams filter) {
        Spreadsheets.Format as = Spreadsheets.Format.parse(format, "format");
        Totals totals = compute(by, filter);
        List<String> keys = totals.by().stream().map(Dimension::apiName).toList();
        List<String> header = new ArrayList<>(keys.stream().map(TotalsController::title).toList());
        header.addAll(List.of("Lines", "Budget", "Actual To Date", "Projected Outturn", "Variance", "Variance %", "Outturn %",
                "Status", "Lines Without Projection", "Share %"));
        List<List<Object>> rows = new ArrayList<>();
        for (GroupTotal g : totals.groups()) {
            List<Object> row = new ArrayList<>();
            keys.forEach(k -> row.add(g.key().get(k) == null ? "" : g.key().get(k)));
            row.addAll(figures(g));
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        total.add("Total");
        for (int i = 1; i < keys.size(); i++) {
            total.add("");
        }
        total.addAll(figures(totals.total()));
        rows.add(total);
        return Files.attachment(Spreadsheets.write(as, "Budget totals", header, rows), as,
                "budget-totals-by-" + String.join("-", keys));
    }

    private static List<Object> figures(GroupTotal g) {
        Variance v = g.variance();
        List<Object> cells = new ArrayList<>();
        cells.add(g.lines());
        cells.add(money(g.budget()));
        cells.add(money(g.actualToDate()));
        cells.add(money(v.projectedOutturn()));
        cells.add(money(v.variance()));
        cells.add(v.variancePercent() == null ? "" : v.variancePercent()); // numbers, not text: see Spreadsheets.write
        cells.add(v.outturnPercent() == null ? "" : v.outturnPercent());
        cells.add(v.status().name());
        cells.add(g.linesWithoutProjection());
        cells.add(g.sharePercent() == null ? "" : g.sharePercent());
        return cells;
    }

    /** Money as a spreadsheet's number cell; no money as an empty cell. */
    private static Object money(Money money) {
        return money == null ? "" : new Spreadsheets.Amount(money.amount());
    }

    /** "fundingSource" as a column title: "Funding Source". */
    private static String title(String apiName) {
        String spaced = apiName.replaceAll("([a-z])([A-Z])", "$1 $2");
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private Totals compute(String by, BudgetLineFilterParams filter) {
        List<Dimension> dimensions = Arrays.stream(by.split(",")).filter(s -> !s.isBlank())
                .map(s -> Dimension.parse(s, "by")).distinct().toList();
        if (dimensions.isEmpty()) {
            throw new InvalidInputException("by", "name at least one dimension, e.g. by=division,fundingSource");
        }
        return Totals.of(queries.matching(filter.toFilter(null), BudgetLineController.MAX_LINES), dimensions, thresholds);
    }

    private static String note(Totals totals) {
        if (totals.groups().isEmpty()) {
            return "No budget lines match these filters, so there is nothing to total.";
        }
        return totals.sharesComputed() ? "Whole-number shares by the largest remainder method: they add up to 100."
                : "No shares: the total is zero or some groups are negative (income). Filter by kind of line, e.g. category or type, for shares.";
    }
}
