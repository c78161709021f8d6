package org.waypoint.notification.alert.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.waypoint.notification.alert.domain.Alert;

/** Delivers alerts (by email). */
public interface AlertSender {

    /** Delivers one alert. Throws when the mail server did not accept it. */
    void send(Alert alert);

    /**
     * Delivers several alerts, over one connection where the transport allows it.
     *
     * @return the alerts the mail server did not accept, by alert id, with why; every other one was accepted
     */
    default Map<String, RuntimeException> sendAll(List<Alert> alerts) {
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            try {
                send(alert);
            } catch (RuntimeException e) {
                failed.put(alert.id(), e);
            }
        }
        return failed;
    }
}
