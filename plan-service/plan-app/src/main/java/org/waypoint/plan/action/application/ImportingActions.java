package org.waypoint.plan.action.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.Plans;
import org.waypoint.plan.plan.domain.Priority;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;

/**
 * Use case: upload an action plan as a table (columns like seed 000's action plan or seed 002's
 * Recommendation / Action / Lead / Review Date / Progress). Every row is checked first; the report
 * says, row by row, what was accepted and what was rejected and why. Nothing is stored unless
 * every row is good (and nothing at all on a dry run). Who may add each row is decided by the same
 * rule as for one action ({@link WhoMayWriteActions}): a row in an area the caller may not write is
 * rejected, naming {@code serviceArea}, in a dry run too. A lead column names people or roles; an
 * optional lead-username column gives, in the same order, the usernames of those who are people,
 * each checked as for one action ({@link LeadsInTheDirectory}: the row is rejected naming
 * {@code leads[i].username}).
 */
@Service
public class ImportingActions {

    /** Header names people use, per field (compared case-insensitively, ignoring spaces and punctuation). */
    static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("title", List.of("title", "action", "deliverable", "2122actionarea2024deliverable", "actionarea", "improvementproject")),
            Map.entry("reference", List.of("reference", "ref", "recommendation", "code")),
            Map.entry("priority", List.of("priority", "priorityid", "serviceimprovementpriority", "strategicpriority")),
            Map.entry("due", List.of("due", "duedate", "year", "deadline", "by")),
            Map.entry("startDate", List.of("start", "startdate")),
            Map.entry("reviewDate", List.of("review", "reviewdate")),
            Map.entry("leads", List.of("lead", "leads", "leadofficer", "responsible")),
            // the usernames of the leads named in the lead column, in the same order ("; " between them)
            Map.entry("leadUsernames", List.of("leadusername", "leadusernames", "leadsusernames")),
            Map.entry("progress", List.of("progress", "progresspercent", "currentposition", "complete")),
            Map.entry("description", List.of("description", "detail", "details")),
            Map.entry("serviceArea", List.of("servicearea", "service")));

    private static final Pattern PERCENT = Pattern.compile("^\\s*(\\d{1,3})(?:\\.\\d+)?\\s*%?\\s*$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK), DateTimeFormatter.ofPattern("d-MMMM-uuuu", Locale.UK));

    private final Plans plans;
    private final ManagingActions managing;
    private final LeadsInTheDirectory leadsInTheDirectory;

    public ImportingActions(Plans plans, ManagingActions managing, LeadsInTheDirectory leadsInTheDirectory) {
        this.plans = plans;
        this.managing = managing;
        this.leadsInTheDirectory = leadsInTheDirectory;
    }

    public record RowError(String field, String message) {
    }

    public record RowResult(int row, boolean accepted, String title, String actionId, List<RowError> errors) {
    }

    public record Report(String planId, boolean dryRun, boolean stored, int accepted, int rejected, List<RowResult> rows) {
    }

    /** One row read from the file: its number and its cells by header. */
    public record Row(int number, Map<String, String> cells) {
    }

    public Report importRows(String planId, List<Row> rows, boolean dryRun, Caller caller) {
        Plan plan = plans.find(new PlanId(planId)).orElseThrow(() -> new NotFoundException("There is no plan " + planId + "."));
        WhoMayWriteActions.importInto(caller, plan);
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "has no rows under its header");
        }
        if (rows.stream().noneMatch(r -> column(r, "title").isPresent())) {
            throw new InvalidInputException("file", "has no title column: name one Title, Action or Deliverable");
        }
        List<RowResult> results = new ArrayList<>();
        List<ParsedRow> parsed = new ArrayList<>();
        for (Row row : rows) {
            try {
                ParsedRow p = parse(plan, row, caller);
                parsed.add(p);
                results.add(new RowResult(row.number(), true, p.details().title(), null, List.of()));
            } catch (InvalidInputException e) {
                results.add(new RowResult(row.number(), false, column(row, "title").orElse(null), null,
                        List.of(new RowError(e.field(), e.getMessage()))));
            }
        }
        int rejected = (int) results.stream().filter(r -> !r.accepted()).count();
        if (dryRun || rejected > 0) {
            return new Report(planId, dryRun, false, results.size() - rejected, rejected, results);
        }
        var created = managing.createAll(plan,
                parsed.stream().map(p -> new ManagingActions.NewAction(p.details(), p.progress())).toList(), caller);
        List<RowResult> stored = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            ParsedRow p = parsed.get(i);
            stored.add(new RowResult(p.number(), true, p.details().title(), created.get(i).id().value(), List.of()));
        }
        return new Report(planId, false, true, stored.size(), 0, stored);
    }

    private record ParsedRow(int number, ActionDetails details, int progress) {
    }

    /** A row as the action it would add, refused (as a row error) by the same rule as POST /api/actions. */
    private ParsedRow parse(Plan plan, Row row, Caller caller) {
        String title = column(row, "title").orElseThrow(() -> new InvalidInputException("title", "is empty"));
        String due = column(row, "due").orElseThrow(() -> new InvalidInputException("due", "is empty"));
        String priorityId = column(row, "priority").map(p -> priorityOf(plan, p)).orElse(null);
        List<String> names = column(row, "leads")
                .map(l -> Arrays.stream(l.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElseThrow(() -> new InvalidInputException("leads", "is empty: name a person or a role"));
        List<Lead> leads = leads(names, column(row, "leadUsernames").orElse(null));
        int progress = 0;
        Optional<String> progressCell = column(row, "progress");
        if (progressCell.isPresent()) {
            Matcher m = PERCENT.matcher(progressCell.get());
            if (!m.matches() || Integer.parseInt(m.group(1)) > 100) {
                throw new InvalidInputException("progress", "'" + progressCell.get() + "' is not a percentage from 0 to 100");
            }
            progress = Integer.parseInt(m.group(1));
        }
        ActionDetails details = new ActionDetails(plan.id().value(), priorityId, column(row, "reference").orElse(null), title,
                column(row, "description").orElse(null),
                column(row, "serviceArea").orElse(plan.details().serviceArea()), leads, List.of(),
                column(row, "startDate").map(s -> date(s, "startDate")).orElse(null), DueDate.parse(due),
                column(row, "reviewDate").map(s -> date(s, "reviewDate")).orElse(null));
        WhoMayWriteActions.requireArea(details);
        WhoMayWriteActions.whyNotAdd(caller, plan, details).ifPresent(why -> {
            throw new InvalidInputException("serviceArea", why);
        });
        leadsInTheDirectory.check(details);
        return new ParsedRow(row.number(), details, progress);
    }

    /**
     * The leads of a row: the names of the lead column, each a person when the lead-username column
     * gives a username in the same place (an empty place, as in {@code "; morag.lead"}, leaves that
     * lead a role), else a role.
     */
    private static List<Lead> leads(List<String> names, String usernamesCell) {
        List<String> usernames = usernamesCell == null ? List.of()
                : Arrays.stream(usernamesCell.split("[;\\n]", -1)).map(String::strip).toList();
        long named = usernames.stream().filter(u -> !u.isEmpty()).count();
        if (usernames.size() > names.size() && usernames.subList(names.size(), usernames.size()).stream().anyMatch(u -> !u.isEmpty())) {
            throw new InvalidInputException("leadUsernames", "gives " + named + " usernames for " + names.size()
                    + (names.size() == 1 ? " lead" : " leads") + ": give them in the order of the lead column");
        }
        List<Lead> leads = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String username = i < usernames.size() ? usernames.get(i) : "";
            leads.add(username.isEmpty() ? Lead.role(names.get(i)) : new Lead(names.get(i), username, null));
        }
        return leads;
    }

    private static String priorityOf(Plan plan, String cell) {
        return plan.details().priorities().stream()
                .filter(p -> p.id().equalsIgnoreCase(cell) || p.title().equalsIgnoreCase(cell))
                .map(Priority::id)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("priority", "'" + cell + "' is not a priority of this plan"));
    }

    private static LocalDate date(String text, String field) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        throw new InvalidInputException(field, "'" + text + "' is not a date");
    }

    static Optional<String> column(Row row, String field) {
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            String header = cell.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (COLUMNS.get(field).contains(header) && cell.getValue() != null && !cell.getValue().isBlank()) {
                return Optional.of(cell.getValue().strip());
            }
        }
        return Optional.empty();
    }
}
