package org.waypoint.risk.risk.messaging;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.risk.risk.application.CheckingRisks;

/**
 * Runs the risk check on a schedule ({@code waypoint.risk.check-interval}, default one minute) on
 * whichever instance holds the lease; the others skip that round.
 */
@Component
public class RiskCheckSchedule {

    private final CheckingRisks checking;
    private final MongoLease lease;
    private final Duration leaseFor;

    public RiskCheckSchedule(CheckingRisks checking, MongoTemplate mongo, Clock clock,
                             @Value("${waypoint.risk.check-interval:PT1M}") Duration interval) {
        this.checking = checking;
        this.lease = new MongoLease(mongo, clock, "risk-check");
        this.leaseFor = interval.multipliedBy(2);
    }

    @Scheduled(fixedDelayString = "${waypoint.risk.check-interval:PT1M}",
               initialDelayString = "${waypoint.risk.check-initial-delay:PT10S}")
    public void check() {
        if (lease.tryAcquire(leaseFor)) {
            checking.check();
        }
    }
}
