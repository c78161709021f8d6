package org.waypoint.testsupport.archfixture.bad.shop.order.domain;

import org.springframework.util.Assert;
import org.waypoint.testsupport.archfixture.bad.shop.invoice.domain.Invoice;
import org.waypoint.testsupport.archfixture.bad.shop.order.application.PlaceOrder;

/** Planted violations: a domain type using Spring, its use case, and a feature that uses it back. */
public record Order(String id, Invoice invoice) {
    public Order {
        Assert.hasText(id, "id");
    }

    public PlaceOrder useCase() {
        return new PlaceOrder();
    }
}
