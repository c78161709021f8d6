package org.waypoint.notification.alert.application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;

/**
 * Port: every alert raised, recorded once under its identity (an alert is never raised twice), either to
 * send ({@link AlertStatus#PENDING}: it then enters the {@link SendQueue}) or held for the {@link Digests}
 * ({@link AlertStatus#HELD}).
 */
public interface RaisedAlerts {

    /** An alert to record, PENDING (to send) or HELD (for the digest). */
    record NewAlert(Alert alert, AlertStatus initial) {
    }

    /** @return false if an alert with this id exists already (it is never raised twice) */
    boolean addIfNew(Alert alert, AlertStatus initial);

    /**
     * Records several alerts as {@link #addIfNew} does, in few writes where the store allows.
     *
     * @return the ids of the alerts recorded now; the others existed already (an id given twice is recorded once)
     */
    default Set<String> addAllIfNew(List<NewAlert> alerts) {
        Set<String> added = new LinkedHashSet<>();
        for (NewAlert a : alerts) {
            if (!added.contains(a.alert().id()) && addIfNew(a.alert(), a.initial())) {
                added.add(a.alert().id());
            }
        }
        return added;
    }

    /** Which of these alert ids are recorded already (in one look-up). */
    Set<String> existing(Collection<String> alertIds);
}
