package org.waypoint.testsupport.archfixture.good.shop.invoice.domain;

import org.waypoint.testsupport.archfixture.good.shop.order.domain.Order;

/** One feature using another, one way only. */
public record Invoice(Order order) {
}
