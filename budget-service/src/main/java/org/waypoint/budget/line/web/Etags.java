package org.waypoint.budget.line.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.waypoint.platform.web.Problems;

/** ETags are the document version in quotes; updates must send it back in If-Match. */
final class Etags {

    private Etags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names: missing is 428, unreadable is 412 (it cannot match). */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                    "Send the ETag you read in an If-Match header, so that nobody's change is overwritten unseen.");
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "Changed by someone else",
                    "The If-Match header does not name a version of this budget line; read it again and retry.");
            problem.setType(URI.create("https://waypoint.example/problems/412"));
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
        }
    }
}
