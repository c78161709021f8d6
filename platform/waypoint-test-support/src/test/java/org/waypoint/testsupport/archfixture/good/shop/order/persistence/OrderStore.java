package org.waypoint.testsupport.archfixture.good.shop.order.persistence;

import org.waypoint.testsupport.archfixture.good.shop.order.domain.Order;

public final class OrderStore {
    public Order find(String id) {
        return new Order(id, 0);
    }
}
