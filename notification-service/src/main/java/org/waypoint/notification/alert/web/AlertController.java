package org.waypoint.notification.alert.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.notification.alert.application.DeliveryQueries;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * What was sent to whom, most recent first: {@code GET /api/notifications}, for managers (their service
 * areas' alerts), officers, auditors and admins (every area's).
 */
@RestController
@RequestMapping("/api/notifications")
public class AlertController {

    private final DeliveryQueries deliveries;

    public AlertController(DeliveryQueries deliveries) {
        this.deliveries = deliveries;
    }

    public record AlertResponse(String id, String kind, String recipientEmail, String subject, String status,
                                int attempts, Instant raisedAt, Instant sentAt) {
    }

    /**
     * Officers, auditors and admins see every area's alerts; a manager only those about items in their own
     * service areas (none if their token names no area).
     */
    @GetMapping
    @PreAuthorize(Roles.CAN_OVERSEE)
    public List<AlertResponse> recent(@RequestParam(defaultValue = "50") int limit, Authentication auth) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        Caller caller = Caller.of(auth);
        boolean everywhere = caller.has(Roles.ADMIN) || caller.has(Roles.AUDITOR) || caller.has(Roles.PERFORMANCE_OFFICER)
                || caller.has(Roles.FINANCE_OFFICER);
        return (everywhere ? deliveries.recent(limit) : deliveries.recentIn(caller.serviceAreas(), limit)).stream()
                .map(s -> new AlertResponse(s.alert().id(), s.alert().rule(), s.alert().recipientEmail(),
                        s.alert().subject(), s.status().name(), s.attempts(), s.alert().raisedAt(), s.sentAt()))
                .toList();
    }
}
