package org.waypoint.notification.alert.application;

/** Each person's {@link Preferences}, by username. */
public interface PreferenceStore {

    Preferences of(String username);

    void save(Preferences preferences);
}
