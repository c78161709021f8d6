package org.waypoint.testsupport.archfixture.bad.shop.api;

import org.waypoint.testsupport.archfixture.bad.shop.order.domain.Order;

/** Planted violation: a published event carrying an internal domain type. */
public record OrderPlaced(Order order) {
}
