/**
 * The directory: who the people named in events are (email, manager, service areas, roles), from configuration
 * ({@code ConfiguredPeople}) or Keycloak's Admin API ({@code KeycloakPeople}, cached), chosen by
 * {@code waypoint.directory.source}. It owns no aggregate and publishes nothing: it implements the alert
 * feature's {@code People} port and may use only that feature's domain and the platform.
 */
package org.waypoint.notification.directory;
