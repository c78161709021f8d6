/**
 * The demo data of the local platform: loads the seeds' indicators and measurements when
 * {@code waypoint.demo-data.enabled} is set and there are no indicators yet.
 *
 * <p>Owns no aggregate; it goes through the CSV import of {@code indicator}, as a person would, so the
 * events are published as for any other change. Nothing uses this package.
 */
package org.waypoint.indicator.demo;
