package org.waypoint.testsupport.archfixture.good.shop.order.application;

import org.waypoint.testsupport.archfixture.good.shop.order.domain.Order;

public final class PlaceOrder {
    public Order place(String id) {
        return new Order(id, 1);
    }
}
