package org.waypoint.notification.alert.web;

import org.waypoint.platform.validation.InvalidInputException;

/** Checks of paging parameters shared by the endpoints. */
final class Paging {

    private Paging() {
    }

    static void check(int page, int size) {
        org.waypoint.platform.web.Paging.check(page, size, 200);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
