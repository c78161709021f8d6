package org.waypoint.risk.api;

import java.time.LocalDate;

/** A mitigation of an open risk passed its due date and is not done. Published once per mitigation and due date. */
public record MitigationOverdue(
        String riskId,
        String registerId,
        String code,
        String title,
        String serviceArea,
        PersonRef riskOwner,
        String mitigationId,
        String mitigation,
        PersonRef mitigationOwner,
        String mitigationStatus,
        LocalDate dueDate,
        LocalDate detectedOn) implements RiskEvent {
}
