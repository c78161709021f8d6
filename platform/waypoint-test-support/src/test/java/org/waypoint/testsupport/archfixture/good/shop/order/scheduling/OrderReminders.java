package org.waypoint.testsupport.archfixture.good.shop.order.scheduling;

import org.springframework.scheduling.annotation.Scheduled;
import org.waypoint.testsupport.archfixture.good.shop.order.application.PlaceOrder;

/** A job on a timer where jobs live. */
public final class OrderReminders {
    private final PlaceOrder placeOrder = new PlaceOrder();

    @Scheduled(fixedDelay = 60_000)
    public void remind() {
        placeOrder.place("reminder");
    }
}
