package org.waypoint.platform.web;

/** An update came without {@code If-Match}: answered 428, so that no write can silently lose another. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send If-Match with the ETag you read, so that your change cannot overwrite someone else's.");
    }
}
