package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.notification.alert.domain.Person;

/**
 * Use case: the daily digests, once a day after {@code waypoint.notifications.digest-at} (UK time).
 * Everyone who chose the digest for some rule gets one email with what was held for them; every
 * manager gets the digest of their area (alerts about their service areas and their team in the
 * last day), sent even when there is nothing in it so they know it ran. Each digest is an alert
 * with the identity {@code digest:<email>:<date>} or {@code area-digest:<username>:<date>}, so it
 * goes out once a day however often this runs.
 */
@Service
public class SendingDigests {

    private static final Logger log = LoggerFactory.getLogger(SendingDigests.class);
    static final String DIGEST = "digest";
    static final String AREA_DIGEST = "area-digest";

    private final RaisedAlerts alerts;
    private final Digests digests;
    private final People people;
    private final PreferenceStore preferences;
    private final AlertTemplates templates;
    private final NotificationProperties settings;
    private final Clock clock;
    private final String portalUrl;

    public SendingDigests(RaisedAlerts alerts, Digests digests, People people, PreferenceStore preferences, AlertTemplates templates,
                          NotificationProperties settings, Clock clock,
                          @Value("${waypoint.portal-url:http://localhost:8080}") String portalUrl) {
        this.alerts = alerts;
        this.digests = digests;
        this.people = people;
        this.preferences = preferences;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    /** Sends today's digests if it is time and they were not sent yet. @return how many digests were raised */
    public int sendDue() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime dueAt = now.toLocalDate().atTime(settings.digestAt()).atZone(now.getZone());
        if (!settings.digestsEnabled() || now.isBefore(dueAt)) {
            return 0;
        }
        return send(now.toLocalDate(), dueAt.toInstant());
    }

    /** The digests of {@code day}, covering the day before {@code cutOff}. @return how many digests were raised */
    public int send(LocalDate day, Instant cutOff) {
        int raised = personalDigests(day, cutOff);
        raised += areaDigests(day, cutOff);
        return raised;
    }

    private int personalDigests(LocalDate day, Instant cutOff) {
        Map<String, List<StoredAlert>> byRecipient = new LinkedHashMap<>();
        for (StoredAlert held : digests.held(cutOff)) {
            byRecipient.computeIfAbsent(held.alert().recipientEmail().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(held);
        }
        int raised = 0;
        for (Map.Entry<String, List<StoredAlert>> entry : byRecipient.entrySet()) {
            Alert first = entry.getValue().get(0).alert();
            String id = Alert.identity(DIGEST, day.toString(), "daily", entry.getKey());
            Map<String, Object> model = model(day, first.recipientName(), items(entry.getValue()));
            AlertTemplates.Rendered rendered = templates.render(DIGEST, model);
            Alert digest = new Alert(id, DIGEST, "digest", day.toString(), "daily", null, first.recipientEmail(),
                    first.recipientUsername(), first.recipientName(), Audience.SUBJECT, null, rendered.subject(),
                    rendered.text(), rendered.html(), portalUrl, clock.instant());
            if (alerts.addIfNew(digest, AlertStatus.PENDING)) {
                raised++;
            }
            digests.markDigested(entry.getValue().stream().map(s -> s.alert().id()).toList(), id);
        }
        return raised;
    }

    private int areaDigests(LocalDate day, Instant cutOff) {
        List<Person> managers = people.managers();
        List<StoredAlert> lastDay = digests.raisedBetween(cutOff.minus(java.time.Duration.ofDays(1)), cutOff);
        int raised = 0;
        for (Person manager : managers) {
            if (manager.email() == null || !preferences.of(manager.username()).areaDigest()) {
                continue;
            }
            String id = Alert.identity(AREA_DIGEST, day.toString(), "daily", manager.email());
            if (alerts.existing(List.of(id)).contains(id)) {
                continue;
            }
            Set<String> areas = Set.copyOf(manager.serviceAreas());
            Map<String, StoredAlert> aboutArea = new LinkedHashMap<>();
            for (StoredAlert s : lastDay) {
                Alert a = s.alert();
                boolean inArea = a.serviceArea() != null && areas.contains(a.serviceArea());
                boolean aboutTeam = a.audience() == Audience.MANAGER && a.recipientEmail().equalsIgnoreCase(manager.email());
                if (inArea || aboutTeam) {
                    aboutArea.putIfAbsent(a.rule() + ":" + a.itemId() + ":" + a.transition(), s);
                }
            }
            Map<String, Object> model = model(day, manager.name(), items(new ArrayList<>(aboutArea.values())));
            model.put("areas", manager.serviceAreas().isEmpty() ? "your team" : String.join(" and ", manager.serviceAreas()));
            AlertTemplates.Rendered rendered = templates.render(AREA_DIGEST, model);
            Alert digest = new Alert(id, AREA_DIGEST, "digest", day.toString(), "daily", null, manager.email(),
                    manager.username(), manager.name(), Audience.MANAGER, null, rendered.subject(), rendered.text(),
                    rendered.html(), portalUrl, clock.instant());
            if (alerts.addIfNew(digest, AlertStatus.PENDING)) {
                raised++;
            }
        }
        if (raised > 0) {
            log.info("Raised {} area digests for {}", raised, day);
        }
        return raised;
    }

    private static List<Map<String, Object>> items(List<StoredAlert> alerts) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredAlert s : alerts) {
            Map<String, Object> item = new HashMap<>();
            item.put("subject", s.alert().subject());
            item.put("link", s.alert().link());
            item.put("rule", s.alert().rule());
            item.put("serviceArea", s.alert().serviceArea());
            items.add(item);
        }
        return items;
    }

    private Map<String, Object> model(LocalDate day, String name, List<Map<String, Object>> items) {
        Map<String, Object> model = new HashMap<>();
        model.put("day", day.toString());
        model.put("recipient", Map.of("name", name == null ? "colleague" : name));
        model.put("items", items);
        model.put("portalUrl", portalUrl);
        return model;
    }
}
