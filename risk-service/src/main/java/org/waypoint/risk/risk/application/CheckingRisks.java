package org.waypoint.risk.risk.application;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.Risks;

/**
 * The scheduled check: reviews falling due or overdue, mitigations overdue, and risks still to be
 * re-banded after a framework change. Safe to run often and from several instances: announcements
 * are saved with the risk under optimistic locking, and the schedule takes a lease so that one
 * instance runs it at a time.
 */
@Service
public class CheckingRisks {

    private static final Logger log = LoggerFactory.getLogger(CheckingRisks.class);
    private static final int BATCH = 500;

    private final Risks risks;
    private final Rebanding rebanding;
    private final Clock clock;
    private final int noticeDays;

    public CheckingRisks(Risks risks, Rebanding rebanding, Clock clock,
                         @Value("${waypoint.risk.review-notice-days:14}") int noticeDays) {
        this.risks = risks;
        this.rebanding = rebanding;
        this.clock = clock;
        this.noticeDays = noticeDays;
    }

    public record Outcome(int risksAnnounced, int risksRebanded) {
    }

    public Outcome check() {
        int rebanded = rebanding.rebandAll();
        LocalDate today = LocalDate.now(clock);
        int announced = 0;
        for (Risk risk : risks.needingAttention(today, today.plusDays(noticeDays), BATCH)) {
            var changed = risk.checkDates(today, noticeDays);
            if (changed.isEmpty()) {
                continue;
            }
            try {
                risks.update(changed.get().risk(), changed.get().events());
                announced++;
            } catch (OptimisticLockingFailureException meanwhile) {
                log.debug("Risk {} changed during the check; the next check looks again", risk.id());
            }
        }
        if (announced + rebanded > 0) {
            log.info("Risk check: {} risk(s) announced, {} re-banded", announced, rebanded);
        }
        return new Outcome(announced, rebanded);
    }
}
