/**
 * Wiring of the service as a whole: the rule book from configuration, the dead-letter topic, scheduling (off with
 * {@code waypoint.scheduling.enabled=false}) and the web settings alert identities need (an encoded slash in an id,
 * operators refused in query names). It owns no feature and may use any of them; none may use it.
 */
package org.waypoint.notification.config;
