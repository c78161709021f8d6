/**
 * The directory: who the people named in events are (email, manager, service areas), read from the
 * platform's staff directory ({@code org.waypoint.platform.directory}: configuration or Keycloak's Admin
 * API, cached, chosen by {@code waypoint.directory.source}; ADR 44). It owns no aggregate and publishes
 * nothing: it implements the alert feature's {@code People} port and may use only that feature's domain
 * and the platform.
 */
package org.waypoint.notification.directory;
