package org.waypoint.testsupport.archfixture.good.shop.api;

import java.time.Instant;

public record OrderPlaced(String orderId, Instant at) {
}
