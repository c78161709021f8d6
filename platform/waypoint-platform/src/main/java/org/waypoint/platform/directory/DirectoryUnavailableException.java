package org.waypoint.platform.directory;

/**
 * The staff directory could not be asked (down, circuit open, refused): nothing is guessed. A request
 * that needed it is answered 503 problem+json by the platform's {@code ProblemDetailsAdvice}, having
 * changed nothing; background work waits and tries again.
 */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
