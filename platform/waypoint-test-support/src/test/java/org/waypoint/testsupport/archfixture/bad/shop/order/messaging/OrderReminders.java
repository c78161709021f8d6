package org.waypoint.testsupport.archfixture.bad.shop.order.messaging;

import org.springframework.scheduling.annotation.Scheduled;

/** Planted violation: a job on a timer among the messaging adapters. */
public final class OrderReminders {
    @Scheduled(fixedDelay = 60_000)
    public void remind() {
    }
}
