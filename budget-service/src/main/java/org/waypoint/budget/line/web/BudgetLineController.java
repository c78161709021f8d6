package org.waypoint.budget.line.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.budget.line.application.BudgetQueries;
import org.waypoint.budget.line.application.SettingBudgets;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetStatus;
import org.waypoint.budget.line.domain.HistoryEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.budget.line.domain.Variance;
import org.waypoint.budget.spreadsheet.Files;
import org.waypoint.budget.spreadsheet.Spreadsheets;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.platform.web.ETags;
import org.waypoint.platform.web.Paging;

/** Budget lines and their monitoring: {@code /api/budgets/lines}. */
@RestController
@RequestMapping("/api/budgets/lines")
public class BudgetLineController {

    static final int MAX_PAGE_SIZE = 200;
    /** Budgets of an organisation run to hundreds of lines; filters and derived status apply in memory up to this. */
    public static final int MAX_LINES = 20000;
    private static final List<String> SORTS = List.of("division", "amount", "variance", "status", "year", "created");

    private final SettingBudgets setting;
    private final BudgetQueries queries;
    private final Thresholds thresholds;

    public BudgetLineController(SettingBudgets setting, BudgetQueries queries, Thresholds thresholds) {
        this.setting = setting;
        this.queries = queries;
        this.thresholds = thresholds;
    }

    /** One page of lines. {@code total} counts every matching line. */
    public record LinePage(List<BudgetLineResponse> items, int page, int size, long total, long totalPages, String hint) {
    }

    /** The history of a line: who changed what, when. */
    public record History(String lineId, List<HistoryEntry> entries) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<BudgetLineResponse> set(@Valid @RequestBody BudgetLineRequest request, Authentication authentication) {
        BudgetLine line = setting.set(request.toDetails(), Caller.of(authentication));
        return ResponseEntity.created(URI.create("/api/budgets/lines/" + line.id()))
                .eTag(ETags.of(line.version()))
                .body(BudgetLineResponse.of(line, thresholds));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<BudgetLineResponse> get(@PathVariable String id) {
        BudgetLine line = find(id);
        return ResponseEntity.ok().eTag(ETags.of(line.version())).body(BudgetLineResponse.of(line, thresholds));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<BudgetLineResponse> change(@PathVariable String id, @Valid @RequestBody BudgetLineRequest request,
                                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                     Authentication authentication) {
        long version = ETags.required(ifMatch);
        BudgetLine line = setting.change(new BudgetLineId(id), version, request.toDetails(), Caller.of(authentication));
        return ResponseEntity.ok().eTag(ETags.of(line.version())).body(BudgetLineResponse.of(line, thresholds));
    }

    /** Withdraws a line: it leaves lists and totals, and keeps its history. */
    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<BudgetLineResponse> withdraw(@PathVariable String id,
                                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                       Authentication authentication) {
        long version = ETags.required(ifMatch);
        BudgetLine line = setting.withdraw(new BudgetLineId(id), version, Caller.of(authentication));
        return ResponseEntity.ok().eTag(ETags.of(line.version())).body(BudgetLineResponse.of(line, thresholds));
    }

    /** Records or revises the monitoring of one period (If-Match: the line's ETag). */
    @PostMapping("/{id}/monitoring")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<BudgetLineResponse> record(@PathVariable String id, @RequestBody MonitoringRequest request,
                                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                     Authentication authentication) {
        long version = ETags.required(ifMatch);
        BudgetLine line = setting.record(new BudgetLineId(id), version, request.toCommand(), Caller.of(authentication));
        return ResponseEntity.ok().eTag(ETags.of(line.version())).body(BudgetLineResponse.of(line, thresholds));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(Roles.CAN_READ)
    public History history(@PathVariable String id) {
        BudgetLine line = find(id);
        return new History(line.id().value(), line.history().reversed());
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public LinePage list(@ParameterObject BudgetLineFilterParams filter,
                         @RequestParam(required = false) BudgetStatus status,
                         @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size,
                         @RequestParam(defaultValue = "division,asc") String sort) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        List<BudgetLine> matching = select(filter, status, q, sort);
        int from = (int) Math.min((long) page * size, matching.size()); // a page far beyond the last: empty, never an overflow
        int to = Math.min(from + size, matching.size());
        String hint = matching.isEmpty()
                ? (queries.count() == 0 ? "No budgets yet: a finance officer sets lines with POST /api/budgets/lines or imports a table with POST /api/budgets/imports."
                : "No budget line matches these filters.")
                : null;
        return new LinePage(matching.subList(from, to).stream().map(l -> BudgetLineResponse.of(l, thresholds)).toList(),
                page, size, matching.size(), (matching.size() + size - 1) / size, hint);
    }

    /** The columns of a lines export: what a line says, then its latest monitoring read against its budget and its commentary. */
    static final List<String> EXPORT_COLUMNS = List.of("Line Id", "Financial Year", "Organisation", "Service Area", "Division",
            "Funding Source", "Type", "Project", "Category", "Kind", "Description", "Amount", "Holder", "Holder Username",
            "Holder Email", "Latest Period", "Actual To Date", "Projected Outturn", "Variance", "Variance %", "Outturn %", "Status",
            "Latest Commentary");

    /**
     * Every line the list shows for the same filters, status and sort (not paged), as CSV (money as
     * exact two-decimal text) or XLSX (money as number cells, {@code #,##0.00}).
     */
    @GetMapping("/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format,
                                         @ParameterObject BudgetLineFilterParams filter,
                                         @RequestParam(required = false) BudgetStatus status,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(defaultValue = "division,asc") String sort) {
        Spreadsheets.Format as = Spreadsheets.Format.parse(format, "format");
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (BudgetLine line : select(filter, status, q, sort)) {
            rows.add(exportRow(line));
        }
        return Files.attachment(Spreadsheets.write(as, "Budget lines", EXPORT_COLUMNS, rows), as, "budget-lines");
    }

    private List<Object> exportRow(BudgetLine line) {
        var d = line.details();
        var v = line.variance(thresholds);
        var latest = line.latest();
        java.util.ArrayList<Object> row = new java.util.ArrayList<>(List.of(line.id().value(), d.financialYear().toString(),
                d.organisation(), nz(d.serviceArea()), d.division(), d.fundingSource(), d.type().name(), nz(d.project()),
                d.category() == null ? "" : d.category().label(),
                d.category() == null ? "NET" : d.category().isIncome() ? "INCOME" : "EXPENDITURE", nz(d.description()), money(d.amount()),
                d.holder() == null ? "" : d.holder().name(), d.holder() == null ? "" : nz(d.holder().username()),
                d.holder() == null ? "" : nz(d.holder().email()), latest.map(m -> m.period().toString()).orElse("")));
        row.add(latest.map(m -> money(m.actualToDate())).orElse(""));
        row.add(money(v.projectedOutturn()));
        row.add(money(v.variance()));
        row.add(v.variancePercent() == null ? "" : v.variancePercent()); // numbers, not text: see Spreadsheets.write
        row.add(v.outturnPercent() == null ? "" : v.outturnPercent());
        row.add(v.status().name());
        row.add(latest.map(m -> nz(m.commentary())).orElse(""));
        return row;
    }

    /** Money as a spreadsheet's number cell; no money as an empty cell. */
    private static Object money(Money money) {
        return money == null ? "" : new Spreadsheets.Amount(money.amount());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The lines a list or export shows: filtered (status too) and sorted, not paged. */
    private List<BudgetLine> select(BudgetLineFilterParams filter, BudgetStatus status, String q, String sort) {
        String[] sortParts = sort.split(",");
        String field = sortParts.length == 0 ? "" : sortParts[0].strip().toLowerCase(Locale.ROOT);
        if (!SORTS.contains(field)) {
            throw new InvalidInputException("sort", "can sort by " + String.join(", ", SORTS));
        }
        boolean ascending = sortParts.length < 2 || !"desc".equalsIgnoreCase(sortParts[1].strip());
        Comparator<BudgetLine> order = comparator(field);
        return queries.matching(filter.toFilter(q), MAX_LINES).stream()
                .filter(l -> status == null || l.status(thresholds) == status)
                .sorted(ascending ? order : order.reversed())
                .toList();
    }

    private Comparator<BudgetLine> comparator(String field) {
        Comparator<BudgetLine> byField = switch (field) {
            case "amount" -> Comparator.comparing(l -> l.details().amount());
            case "variance" -> Comparator.comparing(l -> l.variance(thresholds).variance(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "status" -> Comparator.comparing(l -> l.status(thresholds));
            case "year" -> Comparator.comparing(l -> l.details().financialYear());
            case "created" -> Comparator.comparing(BudgetLine::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparing((BudgetLine l) -> l.details().organisation())
                    .thenComparing(l -> l.details().division());
        };
        return byField.thenComparing(l -> l.id().value());
    }

    private BudgetLine find(String id) {
        return queries.find(new BudgetLineId(id)).orElseThrow(() -> new NotFoundException("There is no budget line " + id + "."));
    }
}
