package org.waypoint.notification.alert.application;

import org.waypoint.notification.alert.domain.Alert;

/** Delivers one alert (by email). */
public interface AlertSender {

    void send(Alert alert);
}
