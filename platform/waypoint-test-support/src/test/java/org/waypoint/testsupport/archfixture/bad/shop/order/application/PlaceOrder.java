package org.waypoint.testsupport.archfixture.bad.shop.order.application;

import org.springframework.http.HttpStatus;
import org.waypoint.testsupport.archfixture.bad.shop.order.web.OrderController;

/** Planted violation: a use case answering in HTTP terms and reaching for its controller. */
public final class PlaceOrder {
    public HttpStatus place(OrderController controller) {
        return controller == null ? HttpStatus.BAD_REQUEST : HttpStatus.CREATED;
    }
}
