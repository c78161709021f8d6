/**
 * The demo data of the local platform: loads the seed plans and their actions when
 * {@code waypoint.demo-data.enabled} is set and there are no plans yet.
 *
 * <p>Owns no aggregate; it goes through the use cases of {@code plan} and {@code action}, so the
 * events are published as for any other change. Nothing uses this package.
 */
package org.waypoint.plan.demo;
