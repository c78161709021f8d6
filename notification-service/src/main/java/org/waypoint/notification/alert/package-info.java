/**
 * Alerts: the rules ({@code RuleBook}) that turn the events of plan-, indicator-, risk- and budget-service into
 * one {@code Alert} per person and thing, each raised once under its identity and delivered by email (ADR 43: no
 * alert lost, duplicates bounded) or in the daily digest, through its lifecycle ({@code DeliveryState}).
 * Its use cases are processing events ({@code ProcessingEvents}, {@code RaisingAlerts}, {@code Escalating}),
 * sending ({@code DispatchingAlerts}, {@code SendingDigests}), a person's notifications and preferences
 * ({@code MyNotifications}), oversight ({@code DeliveryQueries}) and dead letters ({@code ManagingDeadLetters});
 * it publishes {@code NotificationDeadLettered} (the {@code api} package) through the platform's outbox.
 * It may use the platform and {@code api}; people come through the {@code People} port it declares (the
 * directory implements it), and the store's roles are ports ({@code RaisedAlerts}, {@code SendQueue},
 * {@code Inbox}, {@code DeliveryLog}, {@code Digests}) that {@code persistence} implements on MongoDB.
 */
package org.waypoint.notification.alert;
