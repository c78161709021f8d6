package org.waypoint.testsupport.archfixture.bad.shop.invoice.domain;

import org.waypoint.testsupport.archfixture.bad.shop.order.domain.Order;

/** Planted violation: invoice uses order and order uses invoice. */
public record Invoice(String number) {
    public boolean covers(Order order) {
        return order.invoice() == this;
    }
}
