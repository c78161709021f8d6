package org.waypoint.plan.action.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.Actions;
import org.waypoint.platform.scheduling.MongoLease;

/**
 * Use case: the daily passage of time. Reads only the actions whose next review date has come
 * (from the review queue, ADR 13), announces each transition once (due soon, at risk, overdue),
 * sets each action's next review date, and says when the day's review is complete. Runs on one
 * instance at a time (a lease in MongoDB); a concurrent change to an action makes its save fail
 * and the next scan looks again, so nothing is announced twice.
 */
@Service
public class ReviewingActions {

    private static final Logger log = LoggerFactory.getLogger(ReviewingActions.class);
    static final String LEASE = "plan-service.action-review";
    private static final int BATCH = 500;
    private static final int MAX_ROUNDS = 10_000;

    private final Actions actions;
    private final StatusRules rules;
    private final MongoLease lease;
    private final Clock clock;

    public ReviewingActions(Actions actions, StatusRules rules, MongoLease lease, Clock clock) {
        this.actions = actions;
        this.rules = rules;
        this.lease = lease;
        this.clock = clock;
    }

    /** What one scan did. */
    public record Result(boolean ran, int examined, int announced) {
    }

    public Result review() {
        int[] counts = new int[2];
        boolean ran = lease.runExclusively(LEASE, Duration.ofMinutes(10), () -> scan(counts));
        if (counts[1] > 0) {
            log.info("Action review: {} examined, {} transition(s) announced", counts[0], counts[1]);
        }
        return new Result(ran, counts[0], counts[1]);
    }

    private void scan(int[] counts) {
        LocalDate today = LocalDate.now(clock);
        var rule = rules.current();
        for (int rounds = 1; ; rounds++) {
            if (rounds > MAX_ROUNDS) {
                log.warn("Action review stopped after {} rounds; the next scan carries on", MAX_ROUNDS);
                return; // not complete: the next scan reads the same days again
            }
            List<Action> batch = actions.dueForReview(today, BATCH);
            for (Action action : batch) {
                counts[0]++;
                var reviewed = action.review(today, rule);
                Action after = reviewed.map(Action.Changed::action).orElse(action);
                LocalDate next = after.nextReviewOn(today, rule);
                if (next != null && !next.isAfter(today)) {
                    next = today.plusDays(1); // looked at today: tomorrow at the earliest
                }
                try {
                    actions.update(after, reviewed.map(Action.Changed::events).orElse(List.of()), null, next);
                    counts[1] += reviewed.map(c -> c.events().size()).orElse(0);
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    log.debug("Action {} changed during the review; the next scan looks again", action.id());
                }
            }
            if (batch.size() < BATCH) {
                actions.reviewedUpTo(today);
                return;
            }
        }
    }
}
