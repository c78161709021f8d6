/**
 * The staff directory, shared: who a username is (name, email, line manager, the service areas they
 * work in) and who manages, behind the {@link org.waypoint.platform.directory.Directory} port, from
 * configuration or Keycloak's Admin API (cached, behind a retry and a circuit breaker; ADR 41 and
 * ADR 44). On only where a service sets {@code waypoint.directory.enabled=true}; when it cannot be
 * asked, {@link org.waypoint.platform.directory.DirectoryUnavailableException} (503 on a request).
 */
package org.waypoint.platform.directory;
