package org.waypoint.plan.action.application;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.Actions;

/**
 * Use case: find actions past their due date and announce each once ({@code ActionBecameOverdue}).
 * Safe to run as often as wanted and from several instances: the announcement is saved with the
 * action under optimistic locking, so a concurrent scan loses the race instead of doubling it.
 */
@Service
public class DetectingOverdueActions {

    private static final Logger log = LoggerFactory.getLogger(DetectingOverdueActions.class);
    private static final int BATCH = 200;

    private final Actions actions;
    private final Clock clock;

    public DetectingOverdueActions(Actions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    /** @return how many actions became overdue in this scan */
    public int detect() {
        LocalDate today = LocalDate.now(clock);
        int announced = 0;
        for (Action candidate : actions.overdueCandidates(today, BATCH)) {
            var outcome = candidate.detectOverdue(today);
            if (outcome.isEmpty()) {
                continue;
            }
            try {
                actions.update(outcome.get().action(), outcome.get().events());
                announced++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("Action {} changed during the overdue scan; the next scan looks again", candidate.id());
            }
        }
        if (announced > 0) {
            log.info("Overdue scan: {} action(s) became overdue", announced);
        }
        return announced;
    }
}
