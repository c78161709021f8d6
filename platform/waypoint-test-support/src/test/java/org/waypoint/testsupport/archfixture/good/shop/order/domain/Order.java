package org.waypoint.testsupport.archfixture.good.shop.order.domain;

/** A well-shaped feature: its domain is plain Java. */
public record Order(String id, int quantity) {
}
