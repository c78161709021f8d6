package org.waypoint.plan.common.domain;

/** One field's value before and after a change. */
public record FieldChange(String field, String from, String to) {
}
