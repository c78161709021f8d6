package org.waypoint.notification.alert.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.notification.alert.application.MyNotifications;
import org.waypoint.notification.alert.application.Preferences;
import org.waypoint.notification.alert.application.StoredAlert;
import org.waypoint.platform.security.Roles;

/**
 * The signed-in person's side: {@code /api/notifications/mine} (in-portal list, read/unread) and
 * {@code /api/notifications/preferences} (immediate or daily digest per rule; the area digest).
 * Every role reads its own; people (auditors too: it is their own inbox, not the organisation's
 * data) change their own; integrators, machines that read but never write, change nothing.
 */
@RestController
@RequestMapping("/api/notifications")
public class MyNotificationsController {

    /** Changing one's own inbox or preferences: every role that is a person, not the integrator. */
    static final String PEOPLE = "hasAnyRole('staff','manager','performance-officer','finance-officer','auditor','admin')";

    private final MyNotifications mine;

    public MyNotificationsController(MyNotifications mine) {
        this.mine = mine;
    }

    public record Notification(String id, String rule, String itemKind, String itemId, String subject, String text,
                               String link, boolean read, Instant readAt, String delivery, Instant raisedAt, Instant sentAt) {
        static Notification of(StoredAlert s) {
            return new Notification(s.alert().id(), s.alert().rule(), s.alert().itemKind(), s.alert().itemId(),
                    s.alert().subject(), s.alert().textBody(), s.alert().link(), s.read(), s.readAt(),
                    s.status().name(), s.alert().raisedAt(), s.sentAt());
        }
    }

    public record NotificationPage(List<Notification> items, long total, long unread, int page, int size) {
    }

    public record PreferencesBody(Map<String, Preferences.Delivery> rules, Boolean areaDigest) {
    }

    public record PreferencesResponse(Map<String, Preferences.Delivery> rules, boolean areaDigest, Set<String> knownRules) {
    }

    @GetMapping("/mine")
    @PreAuthorize(Roles.CAN_READ)
    public NotificationPage list(Authentication auth, @RequestParam(defaultValue = "false") boolean unread,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        var found = mine.list(auth.getName(), email(auth), unread, page, size);
        return new NotificationPage(found.items().stream().map(Notification::of).toList(), found.total(),
                mine.unread(auth.getName(), email(auth)), page, size);
    }

    @PostMapping("/mine/{id}/read")
    @PreAuthorize(PEOPLE)
    public ResponseEntity<Void> read(Authentication auth, @PathVariable String id) {
        mine.markRead(id, auth.getName(), email(auth));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mine/read-all")
    @PreAuthorize(PEOPLE)
    public Map<String, Long> readAll(Authentication auth) {
        return Map.of("marked", mine.markAllRead(auth.getName(), email(auth)));
    }

    @GetMapping("/preferences")
    @PreAuthorize(Roles.CAN_READ)
    public PreferencesResponse preferences(Authentication auth) {
        Preferences p = mine.preferences(auth.getName());
        return new PreferencesResponse(p.rules(), p.areaDigest(), mine.ruleIds());
    }

    @PutMapping("/preferences")
    @PreAuthorize(PEOPLE)
    public PreferencesResponse savePreferences(Authentication auth, @RequestBody PreferencesBody body) {
        Preferences p = mine.savePreferences(auth.getName(), body.rules(), body.areaDigest());
        return new PreferencesResponse(p.rules(), p.areaDigest(), mine.ruleIds());
    }

    static String email(Authentication auth) {
        if (auth instanceof JwtAuthenticationToken jwt) {
            Object email = jwt.getToken().getClaims().get("email");
            return email == null ? null : String.valueOf(email);
        }
        return null;
    }
}
