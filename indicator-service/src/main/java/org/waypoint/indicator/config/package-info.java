/**
 * Wiring of the service as a whole: the organisation's settings from configuration (default tolerance,
 * days before a measurement counts as missing), the topic the service owns, and scheduling (off with
 * {@code waypoint.scheduling.enabled=false}). It owns no feature and may use any of them; none may use it.
 */
package org.waypoint.indicator.config;
