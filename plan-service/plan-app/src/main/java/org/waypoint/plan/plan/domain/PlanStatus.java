package org.waypoint.plan.plan.domain;

/** A plan is drafted, then active for its period, then closed. */
public enum PlanStatus { DRAFT, ACTIVE, CLOSED }
