package org.waypoint.notification.alert.domain;

/** An event that can never be turned into alerts as it stands (a poison event): it is dead-lettered at once. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
