package org.waypoint.plan.action.domain;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

public record ActionId(String value) {

    public ActionId {
        Objects.requireNonNull(value, "value");
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new id: a UUID in the time-ordered layout of RFC 9562 (version 7: milliseconds since 1970,
     * then random bits), so ids made one after another sort together and an import's inserts land
     * side by side in a store's key index instead of all over it.
     */
    public static ActionId newId() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new ActionId(new UUID(high, low).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
