package org.waypoint.testsupport.archfixture.bad.shop.order.persistence;

public final class OrderStore {
    public String find(String id) {
        return id;
    }
}
