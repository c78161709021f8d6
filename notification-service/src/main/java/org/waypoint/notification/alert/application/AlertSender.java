package org.waypoint.notification.alert.application;

import org.waypoint.notification.alert.domain.Alert;

/** Delivers one alert (by email). Throws when the mail server did not accept it. */
public interface AlertSender {

    void send(Alert alert);
}
