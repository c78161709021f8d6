package org.waypoint.notification.alert.application;

import java.util.List;

/** One page of a list: its items, how many there are in all, and which page of what size this is. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }
}
