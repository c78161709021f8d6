package org.waypoint.testsupport.archfixture.good.shop.order.web;

import org.waypoint.testsupport.archfixture.good.shop.order.application.PlaceOrder;

public final class OrderController {
    private final PlaceOrder placeOrder = new PlaceOrder();

    public String post(String id) {
        return placeOrder.place(id).id();
    }
}
