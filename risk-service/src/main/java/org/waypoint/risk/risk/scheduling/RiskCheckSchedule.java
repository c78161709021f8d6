package org.waypoint.risk.risk.scheduling;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.platform.scheduling.MongoLease;
import org.waypoint.risk.risk.application.CheckingRisks;

/**
 * Runs the risk check on a schedule ({@code waypoint.risk.check-interval}, default one minute) on
 * whichever instance holds the lease {@code risk-check}; the others skip that round.
 */
@Component
public class RiskCheckSchedule {

    static final String LEASE = "risk-check";

    private final CheckingRisks checking;
    private final MongoLease lease;
    private final Duration longest;

    public RiskCheckSchedule(CheckingRisks checking, MongoLease lease,
                             @Value("${waypoint.risk.check-interval:PT1M}") Duration interval) {
        this.checking = checking;
        this.lease = lease;
        this.longest = interval.multipliedBy(5);
    }

    @Scheduled(fixedDelayString = "${waypoint.risk.check-interval:PT1M}",
               initialDelayString = "${waypoint.risk.check-initial-delay:PT10S}")
    public void check() {
        lease.runExclusively(LEASE, longest, checking::check);
    }
}
