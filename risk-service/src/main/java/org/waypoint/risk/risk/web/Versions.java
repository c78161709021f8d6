package org.waypoint.risk.risk.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.waypoint.platform.web.Problems;

/** ETags are the aggregate's version in quotes; every change to an existing resource must send one back as If-Match. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version the caller read
     * @throws ErrorResponseException 428 when If-Match is missing
     * @throws OptimisticLockingFailureException (412) when it names no version
     */
    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED,
                    Problems.of(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                            "Send the ETag you read as If-Match, so that nobody's change is overwritten unseen."), null);
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new OptimisticLockingFailureException("If-Match " + header + " names no version");
        }
    }
}
