package org.waypoint.testsupport.archfixture.bad.shop.order.web;

import org.waypoint.testsupport.archfixture.bad.shop.order.persistence.OrderStore;

/** Planted violation: a controller using the database adapter directly. */
public final class OrderController {
    public Object get(String id) {
        return new OrderStore().find(id);
    }
}
