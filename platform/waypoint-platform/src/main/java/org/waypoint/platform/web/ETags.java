package org.waypoint.platform.web;

import org.waypoint.platform.validation.InvalidInputException;

/** ETags are an aggregate's version in quotes; {@code If-Match} must carry one back. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; a missing header is 428. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return parse(ifMatch);
    }

    /** The version an {@code If-Match} header names, or null without one. */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "is not an ETag this service gave out");
        }
    }
}
