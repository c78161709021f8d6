package org.waypoint.plan.action.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.Actions;
import org.waypoint.plan.action.domain.StatusRule;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.Plans;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;

/**
 * Use cases of people changing actions, with the permission rule of {@link WhoMayWriteActions}: a
 * performance officer or admin anywhere; a manager within their service areas (the plan's and the
 * action's, before and after a change); a lead (a staff member named as lead) records progress and
 * exception reports on their own actions, and may add an action they lead in their own area's plan.
 * Whoever writes, a lead named by username must be someone the staff directory knows who works in
 * the action's area ({@link LeadsInTheDirectory}); when the directory cannot be asked nothing is stored.
 */
@Service
public class ManagingActions {

    private final Actions actions;
    private final Plans plans;
    private final StatusRules rules;
    private final LeadsInTheDirectory leads;
    private final Clock clock;

    public ManagingActions(Actions actions, Plans plans, StatusRules rules, LeadsInTheDirectory leads, Clock clock) {
        this.actions = actions;
        this.plans = plans;
        this.rules = rules;
        this.leads = leads;
        this.clock = clock;
    }

    public Action create(ActionDetails details, int progressPercent, Caller caller) {
        Plan plan = planOf(details);
        checkBelongs(plan, details);
        WhoMayWriteActions.add(caller, plan, details);
        leads.check(details);
        Actions.Insertion insertion = creation(details, progressPercent, caller, today(), rules.current(), now());
        actions.insert(insertion);
        return insertion.action();
    }

    /** One row of a batch of new actions: its details and starting progress. */
    public record NewAction(ActionDetails details, int progressPercent) {
    }

    /**
     * Adds many actions to one plan (an import): each is checked and created as by
     * {@link #create}, and they are saved in batches, reading the plan once. Stops at the first
     * row that may not be added, having saved nothing.
     */
    public List<Action> createAll(Plan plan, List<NewAction> rows, Caller caller) {
        LocalDate today = today();
        StatusRule rule = rules.current();
        Instant now = now();
        List<Actions.Insertion> insertions = new ArrayList<>(rows.size());
        for (NewAction row : rows) {
            if (!row.details().planId().equals(plan.id().value())) {
                throw new InvalidInputException("planId", "must be " + plan.id().value() + " for every row");
            }
            checkBelongs(plan, row.details());
            WhoMayWriteActions.add(caller, plan, row.details());
            leads.check(row.details());
            insertions.add(creation(row.details(), row.progressPercent(), caller, today, rule, now));
        }
        List<Action> created = new ArrayList<>(rows.size());
        for (int from = 0; from < insertions.size(); from += SAVED_AT_ONCE) {
            List<Actions.Insertion> batch = insertions.subList(from, Math.min(insertions.size(), from + SAVED_AT_ONCE));
            actions.insertAll(batch);
            batch.forEach(i -> created.add(i.action()));
        }
        return created;
    }

    /** Actions saved in one write by {@link #createAll}: big enough to save round trips, small enough to publish promptly. */
    static final int SAVED_AT_ONCE = 250;

    private Actions.Insertion creation(ActionDetails details, int progressPercent, Caller caller, LocalDate today,
                                       StatusRule rule, Instant now) {
        Action.Changed created = Action.create(ActionId.newId(), details, progressPercent, caller.username(), now);
        // A new action has announced nothing yet. When there is nothing to announce (not started, on
        // track), its status is recorded now, so the next scan has nothing to look at; when there is
        // (at risk, overdue, due soon), the scan announces it, once, as for any other action.
        Action action = created.action().review(today, rule)
                .filter(reviewed -> reviewed.events().isEmpty()).map(Action.Changed::action).orElse(created.action());
        return new Actions.Insertion(action, created.events(),
                new HistoryEntry(now, caller.username(), "created", Action.diff(null, action)), action.nextReviewOn(today, rule));
    }

    /**
     * New details (including a move to another plan or service area), postponement or cancellation:
     * managers of every area involved, officers, admins ({@link WhoMayWriteActions#change}); every
     * lead named by username works in the action's area ({@link LeadsInTheDirectory}).
     */
    public Action update(ActionId id, long expectedVersion, ActionDetails details, boolean postponed, boolean cancelled,
                         Caller caller) {
        Plan planAfter = planOf(details);
        checkBelongs(planAfter, details);
        return change(id, expectedVersion, caller, "updated",
                before -> {
                    WhoMayWriteActions.change(caller, planOf(before), before, planAfter, details);
                    leads.check(details);
                },
                action -> action.update(details, postponed, cancelled, caller.username(), now()));
    }

    public Action recordProgress(ActionId id, long expectedVersion, int percent, String text, LocalDate asOf, Caller caller) {
        LocalDate date = asOf == null ? today() : asOf;
        if (date.isAfter(today())) {
            throw new InvalidInputException("asOf", "must not be in the future");
        }
        return change(id, expectedVersion, caller, "progress recorded", before -> WhoMayWriteActions.report(caller, planOf(before), before),
                action -> action.recordProgress(percent, text, date, caller.username(), now()));
    }

    public Action reportException(ActionId id, long expectedVersion, String reason, String correctiveAction,
                                  LocalDate revisedDate, Caller caller) {
        return change(id, expectedVersion, caller, "exception reported", before -> WhoMayWriteActions.report(caller, planOf(before), before),
                action -> action.reportException(reason, correctiveAction, revisedDate, caller.username(), now()));
    }

    public Action withdrawException(ActionId id, long expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, "exception withdrawn", before -> WhoMayWriteActions.report(caller, planOf(before), before),
                action -> action.withdrawException(caller.username(), now()));
    }

    /**
     * Permission is checked before the version, so that a caller without it learns nothing more
     * (as for plans).
     */
    private Action change(ActionId id, long expectedVersion, Caller caller, String what, Consumer<Action> mayChange,
                          Function<Action, Action.Changed> change) {
        Action before = actions.find(id).orElseThrow(() -> new NotFoundException("There is no action " + id + "."));
        mayChange.accept(before);
        if (expectedVersion != before.version()) {
            throw new OptimisticLockingFailureException("action " + id + " is at version " + before.version());
        }
        Action.Changed changed = change.apply(before);
        if (changed.events().isEmpty() && changed.action() == before) {
            return before;
        }
        Action after = changed.action();
        actions.update(after, changed.events(), new HistoryEntry(now(), caller.username(), what, Action.diff(before, after)),
                nextReview(after));
        return actions.find(id).orElseThrow();
    }

    private Plan planOf(ActionDetails details) {
        return plans.find(new PlanId(details.planId()))
                .orElseThrow(() -> new InvalidInputException("planId", "names no plan: " + details.planId()));
    }

    /** The plan a stored action is in (null if it names none: then only officers and admins may change it). */
    private Plan planOf(Action action) {
        return plans.find(new PlanId(action.details().planId())).orElse(null);
    }

    private static void checkBelongs(Plan plan, ActionDetails details) {
        if (details.priorityId() != null && !plan.details().hasPriority(details.priorityId())) {
            throw new InvalidInputException("priorityId", "is not a priority of plan " + details.planId());
        }
    }

    private LocalDate nextReview(Action action) {
        return action.nextReviewOn(today(), rules.current());
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
