/**
 * What indicator-service publishes for integrators: the indicator events ({@code IndicatorEvent} and its
 * records, with their type and schema names) and the topic they go to ({@code IndicatorTopics}). Plain
 * Java only (records and names), so that a consumer needs nothing of the service to read them; the
 * indicator feature writes them.
 */
package org.waypoint.indicator.api;
