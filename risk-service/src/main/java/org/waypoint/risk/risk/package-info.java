/**
 * Risks: owns the {@code Risk} aggregate (its details and owner, the original, current and target
 * assessments, how it stands against appetite, its mitigations, its review cycle and its history).
 * Its use cases raise, assess, review, change, move and close risks ({@code ManagingRisks}, under
 * {@code ServiceAreaRule}), run the scheduled check ({@code CheckingRisks}), re-band a register's
 * risks ({@code Rebanding}) and read them ({@code RiskQueries}). It publishes the {@code api}
 * events (RiskRaised, RiskAssessed, RiskEscalated, RiskClosed, RiskReviewDue, RiskReviewOverdue,
 * MitigationOverdue) on {@code waypoint.risks.v1} through the outbox, each saved with its change.
 *
 * <p>It may use the {@code register} feature (a risk is banded and judged by its register's
 * framework, and implements its {@code RiskRebanding} port) and {@code api}; nothing of
 * {@code transfer}.
 */
package org.waypoint.risk.risk;
