package org.waypoint.notification.alert.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.waypoint.notification.alert.domain.Alert;

/** Delivers alerts (by email). */
public interface AlertSender {

    /**
     * What happens to each alert of a batch, told as it happens so that it is recorded per message
     * (ADR 43): {@link #sending} just before the alert's message is handed to the mail server, then
     * {@link #accepted} or {@link #refused} as soon as the server has answered for it.
     */
    interface Delivery {

        /** @return false if the alert must not be sent after all (no longer this sender's, or the sender is stopping) */
        boolean sending(Alert alert);

        void accepted(Alert alert);

        /**
         * @param outcomeUnknown the conversation broke while the message was being handed over, before the
         *                       server's answer: it may have been accepted
         */
        void refused(Alert alert, RuntimeException why, boolean outcomeUnknown);
    }

    /** Delivers one alert. Throws when the mail server did not accept it. */
    void send(Alert alert);

    /**
     * Delivers alerts in order, over one connection where the transport allows it, telling
     * {@code delivery} about each as it goes. Every alert is told {@code refused}, or {@code sending}
     * and then (if that said yes) {@code accepted} or {@code refused}.
     */
    default void sendEach(List<Alert> alerts, Delivery delivery) {
        for (Alert alert : alerts) {
            if (!delivery.sending(alert)) {
                continue;
            }
            try {
                send(alert);
            } catch (RuntimeException e) {
                delivery.refused(alert, e, false);
                continue;
            }
            delivery.accepted(alert);
        }
    }

    /**
     * Delivers several alerts as {@link #sendEach} does.
     *
     * @return the alerts the mail server did not accept, by alert id, with why; every other one was accepted
     */
    default Map<String, RuntimeException> sendAll(List<Alert> alerts) {
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        sendEach(alerts, new Delivery() {
            @Override
            public boolean sending(Alert alert) {
                return true;
            }

            @Override
            public void accepted(Alert alert) {
            }

            @Override
            public void refused(Alert alert, RuntimeException why, boolean outcomeUnknown) {
                failed.put(alert.id(), why);
            }
        });
        return failed;
    }
}
