/**
 * What plan-service publishes for integrators, as plain Java (records and names, no Spring or
 * Jackson): the topic it owns ({@code PlanTopics}) and the events on it ({@code PlanEvent}: plans
 * created and updated; actions created, updated, progressed, completed, due soon, at risk and
 * overdue), each a CloudEvent whose JSON Schema is named by {@code PlanEvent.schemaOf}.
 *
 * <p>Depends on nothing but Java; consumers and plan-service's domain both use it.
 */
package org.waypoint.plan.api;
