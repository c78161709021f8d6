/**
 * The application's wiring that belongs to no feature: the topic risk-service owns and the
 * scheduling of its jobs. It uses {@code api} only.
 */
package org.waypoint.risk.config;
