/**
 * Demo data for the {@code local} profile: the seeds' registers and risks, loaded as imported
 * history without events when there are no registers yet. It uses the {@code register} and
 * {@code risk} domains; nothing uses it.
 */
package org.waypoint.risk.demo;
