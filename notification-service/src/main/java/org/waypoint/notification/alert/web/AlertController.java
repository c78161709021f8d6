package org.waypoint.notification.alert.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.notification.alert.application.AlertStore;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;

/** What was sent to whom, most recent first: {@code GET /api/notifications}, for managers, officers, auditors and admins. */
@RestController
@RequestMapping("/api/notifications")
public class AlertController {

    private final AlertStore store;

    public AlertController(AlertStore store) {
        this.store = store;
    }

    public record AlertResponse(String id, String kind, String recipientEmail, String subject, String status,
                                int attempts, Instant raisedAt, Instant sentAt) {
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_OVERSEE)
    public List<AlertResponse> recent(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return store.recent(limit).stream()
                .map(s -> new AlertResponse(s.alert().id(), s.alert().rule(), s.alert().recipientEmail(),
                        s.alert().subject(), s.status().name(), s.attempts(), s.alert().raisedAt(), s.sentAt()))
                .toList();
    }
}
