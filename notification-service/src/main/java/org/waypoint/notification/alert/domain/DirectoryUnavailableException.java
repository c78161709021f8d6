package org.waypoint.notification.alert.domain;

/** The staff directory could not be asked: whatever needed it waits and is tried again, never dropped. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
