package org.waypoint.platform.web;

import org.waypoint.platform.validation.InvalidInputException;

/** The paging parameters every list takes ({@code page} from 0, {@code size} up to a list's own limit), checked alike. */
public final class Paging {

    private Paging() {
    }

    /**
     * @throws InvalidInputException naming {@code page} or {@code size} (a 400 problem) if either is out of range
     */
    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException("size", "must be between 1 and " + maxSize);
        }
    }
}
