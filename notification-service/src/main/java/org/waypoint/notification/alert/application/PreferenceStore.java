package org.waypoint.notification.alert.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Each person's {@link Preferences}, by username. */
public interface PreferenceStore {

    Preferences of(String username);

    /** The preferences of several people (in one look-up where the store allows), by username. */
    default Map<String, Preferences> of(Collection<String> usernames) {
        Map<String, Preferences> all = new HashMap<>();
        usernames.forEach(u -> all.put(u, of(u)));
        return all;
    }

    void save(Preferences preferences);
}
