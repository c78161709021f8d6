package org.waypoint.budget.line.application;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetLines;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;

/**
 * Use cases on budget lines. Who may is {@link WhoMayWrite}, the one rule of every write: setting,
 * changing and withdrawing a budget is for finance officers and admins everywhere and managers
 * within their service area (the line's area before and after a change alike); recording
 * monitoring is also for the line's holder. Every line is placed in its division's service area.
 */
@Service
public class SettingBudgets {

    private final BudgetLines lines;
    private final Organisations organisations;
    private final Thresholds thresholds;
    private final Clock clock;

    public SettingBudgets(BudgetLines lines, Organisations organisations, Thresholds thresholds, Clock clock) {
        this.lines = lines;
        this.organisations = organisations;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public BudgetLine set(LineDetails requested, Caller caller) {
        LineDetails details = placed(requested);
        WhoMayWrite.requireMaySet(caller, details);
        BudgetLine.Changed changed = BudgetLine.set(BudgetLineId.newId(), details, caller.username(), clock.instant());
        lines.insert(changed.line(), changed.events());
        return changed.line();
    }

    /**
     * Sets many lines as one (an imported table): every line is placed in its division and
     * permitted first, then each is saved with its {@code BudgetSet} event. Without multi-document
     * transactions "as one" is kept by compensation: if saving a line fails, the lines saved before
     * it are withdrawn again (each with its own event) and the failure is rethrown.
     *
     * @param whats how each line's history tells its setting (same order as {@code requested})
     */
    public List<BudgetLine> setAll(List<LineDetails> requested, List<String> whats, Caller caller) {
        List<LineDetails> placed = requested.stream().map(this::placed).toList();
        for (LineDetails d : placed) {
            WhoMayWrite.requireMaySet(caller, d);
        }
        List<BudgetLine> saved = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < placed.size(); i++) {
                BudgetLine.Changed changed = BudgetLine.set(BudgetLineId.newId(), placed.get(i), caller.username(),
                        clock.instant(), whats.get(i));
                lines.insert(changed.line(), changed.events());
                saved.add(changed.line());
            }
        } catch (RuntimeException failure) {
            for (BudgetLine line : saved) {
                try {
                    BudgetLine.Changed gone = line.withdraw(caller.username(), clock.instant());
                    lines.update(gone.line(), gone.events());
                } catch (RuntimeException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
            }
            throw failure;
        }
        return List.copyOf(saved);
    }

    public BudgetLine change(BudgetLineId id, long expectedVersion, LineDetails requested, Caller caller) {
        BudgetLine line = current(id, expectedVersion);
        LineDetails details = placed(requested);
        WhoMayWrite.requireMayChange(caller, line, details);
        return save(line, line.change(details, caller.username(), clock.instant(), thresholds));
    }

    public BudgetLine withdraw(BudgetLineId id, long expectedVersion, Caller caller) {
        BudgetLine line = current(id, expectedVersion);
        WhoMayWrite.requireMayWithdraw(caller, line);
        return save(line, line.withdraw(caller.username(), clock.instant()));
    }

    public BudgetLine record(BudgetLineId id, long expectedVersion, RecordMonitoring command, Caller caller) {
        BudgetLine line = current(id, expectedVersion);
        WhoMayWrite.requireMayRecord(caller, line);
        return save(line, line.record(command.entryFor(line.details().financialYear(), caller.username(), clock.instant()), thresholds));
    }

    private BudgetLine save(BudgetLine before, BudgetLine.Changed changed) {
        if (changed.line() == before && changed.events().isEmpty()) {
            return before; // nothing changed: nothing to save, no new version
        }
        lines.update(changed.line(), changed.events());
        return changed.line().savedAs(changed.line().version() + 1);
    }

    private BudgetLine current(BudgetLineId id, long expectedVersion) {
        BudgetLine line = lines.find(id).orElseThrow(() -> new NotFoundException("There is no budget line " + id + "."));
        if (line.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("budget line " + id + " is at version " + line.version());
        }
        return line;
    }

    /** Checks the organisation and division against the catalogue and places the line in the division's service area. */
    public LineDetails placed(LineDetails d) {
        List<Organisations.Division> divisions = organisations.divisionsOf(d.organisation()).orElseThrow(() ->
                new InvalidInputException("organisation", "'" + d.organisation() + "' is not a known organisation: known are "
                        + String.join(", ", organisations.names())));
        Organisations.Division division = divisions.stream().filter(v -> v.name().equalsIgnoreCase(d.division())).findFirst()
                .orElseThrow(() -> new InvalidInputException("division", "'" + d.division() + "' is not a division of "
                        + d.organisation() + ": known are " + divisions.stream().map(Organisations.Division::name)
                        .collect(Collectors.joining(", "))));
        if (division.serviceArea() == null || division.serviceArea().isBlank()) {
            throw new IllegalStateException("the catalogue gives division " + division.name() + " no service area");
        }
        return new LineDetails(d.financialYear(), canonical(d.organisation()), division.serviceArea(), division.name(),
                d.fundingSource(), d.type(), d.project(), d.category(), d.description(), d.amount(), d.holder());
    }

    private String canonical(String organisation) {
        return organisations.names().stream().filter(n -> n.equalsIgnoreCase(organisation)).findFirst().orElse(organisation);
    }
}
