package org.waypoint.notification.alert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.notification.Events;
import org.waypoint.notification.Mailbox;
import org.waypoint.notification.NotificationServiceApplication;
import org.waypoint.notification.alert.application.ProcessingEvents;
import org.waypoint.notification.alert.application.SendingDigests;
import org.waypoint.notification.api.NotificationTopics;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.testsupport.EventContracts;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service whole, against a real Kafka broker (in-process), the MongoDB-compatible
 * server, real SMTP (GreenMail) and signed tokens. One application serves every test; each test
 * uses its own items so their emails can be told apart.
 */
class NotificationDeliveryTest {

    static final String PLANS = PlanTopics.PLANS;
    static final String INDICATORS = "waypoint.indicators.v1";
    static final String RISKS = "waypoint.risks.v1";
    static final String BUDGETS = "waypoint.budgets.v1";
    static final String JAMIE = "jamie.wilson@waypoint.example";
    static final String SARAH = "sarah.campbell@waypoint.example";
    static final String HELEN = "helen.ross@waypoint.example";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static InMemoryMongo mongo;
    static TestKafka kafka;
    static TestKeycloak keycloak;
    static Mailbox mail;
    static ConfigurableApplicationContext app;
    static KafkaProducer<String, String> producer;
    static String url;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        kafka = TestKafka.start(PLANS, INDICATORS, RISKS, BUDGETS);
        keycloak = TestKeycloak.start();
        mail = Mailbox.onFreePort().up();
        Map<String, String> props = new HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri("notifications-test"),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail.port()),
                "waypoint.mail.dispatch-interval", "PT0.1S",
                "waypoint.portal-url", "https://waypoint.test",
                "waypoint.outbox.poll-interval", "200ms"));
        props.putAll(Map.of(
                "waypoint.notifications.max-send-attempts", "5",
                "waypoint.notifications.send-backoff", "PT0.3S",
                "waypoint.notifications.send-backoff-max", "PT1S",
                "waypoint.notifications.retry-interval", "PT0.3S",
                "waypoint.notifications.rules.action-overdue.escalate-after", "PT4S",
                "waypoint.notifications.digests-enabled", "false"));
        // The demo directory, with a head of service above Sarah for the escalation.
        props.putAll(person(0, "jamie.lead", "Jamie Wilson", JAMIE, "sarah.manager"));
        props.putAll(person(1, "sarah.manager", "Sarah Campbell", SARAH, "helen.director"));
        props.putAll(person(2, "helen.director", "Helen Ross", HELEN, null));
        props.putAll(person(3, "morag.lead", "Morag Clark", "morag.clark@waypoint.example", "david.manager"));
        props.putAll(person(4, "david.manager", "David Brown", "david.brown@waypoint.example", null));
        app = Services.start(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, props);
        url = Services.url(app) + "/api/notifications";
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    static Map<String, String> person(int i, String username, String name, String email, String manager) {
        Map<String, String> p = new HashMap<>();
        String prefix = "waypoint.directory.people[" + i + "].";
        p.put(prefix + "username", username);
        p.put(prefix + "name", name);
        p.put(prefix + "email", email);
        if (manager != null) {
            p.put(prefix + "manager", manager);
        }
        p.put(prefix + "service-areas[0]", username.startsWith("morag") || username.startsWith("david")
                ? "Adult and Older People" : "Children and Justice");
        return p;
    }

    @AfterAll
    static void stop() {
        producer.close();
        app.close();
        mail.close();
        keycloak.close();
        kafka.close();
        mongo.close();
    }

    static void publish(String topic, String key, String event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String admin() {
        return keycloak.token("ruth.admin", "ruth.taylor@waypoint.example", "admin");
    }

    static double counter(String name, String... tags) {
        var counter = app.getBean(MeterRegistry.class).find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anOverdueActionEmailsItsLeadAndACopyToTheirManagerWithTheRightSubjectAndLink() throws Exception {
        String id = "action-" + UUID.randomUUID();
        publish(PLANS, id, Events.cloudEvent("plan", "ActionBecameOverdue", id, Events.overdue(id, "SAFE-2",
                "Support the implementation of the new MAPPA standards", Events.jamie())));

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("SAFE-2 Support").size() >= 2);
        Mailbox.Mail toLead = mail.to(JAMIE).stream().filter(m -> m.subject().contains("SAFE-2")).findFirst().orElseThrow();
        assertThat(toLead.subject())
                .isEqualTo("Overdue action: SAFE-2 Support the implementation of the new MAPPA standards (due 31 Mar 2022)");
        assertThat(toLead.body()).contains("An action you lead is overdue")
                .contains("Due: 31 March 2022 (written in the plan as \"2021\")")
                .contains("https://waypoint.test/actions/" + id)
                .contains("text/html").contains("text/plain");
        Mailbox.Mail toManager = mail.to(SARAH).stream().filter(m -> m.subject().contains("SAFE-2")).findFirst().orElseThrow();
        assertThat(toManager.subject()).isEqualTo(toLead.subject());
        assertThat(toManager.body()).contains("led by a member of your team").contains("https://waypoint.test/actions/" + id);
    }

    @Test
    void aTitleCarryingALineBreakAndAHeaderGivesOneCleanSubjectLineAndNoInjectedHeaderOrBodyLine() throws Exception {
        String id = "action-" + UUID.randomUUID();
        // whatever the producer let through: a title with CR/LF and a forged header, a reference with a bare LF
        publish(PLANS, id, Events.cloudEvent("plan", "ActionBecameOverdue", id, Events.overdue(id, "INJECT-1\nX-Forged: 1",
                "Review the policy\r\nBcc: evil@example.com", Events.jamie())));

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("INJECT-1").size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mail.about("INJECT-1").stream().filter(m -> !m.to().equals(HELEN)).count() == 2);
        assertThat(mail.to("evil@example.com")).as("no copy to the injected Bcc").isEmpty();
        assertThat(mail.about("INJECT-1").stream().filter(m -> !m.to().equals(HELEN)).map(Mailbox.Mail::to))
                .containsExactlyInAnyOrder(JAMIE, SARAH);
        for (Mailbox.Mail m : mail.about("INJECT-1")) {
            assertThat(m.subject()).isEqualTo("Overdue action: INJECT-1 X-Forged: 1 Review the policy  Bcc: evil@example.com"
                    + " (due 31 Mar 2022)");
            assertThat(m.message().getHeader("Bcc")).isNull();
            assertThat(m.message().getHeader("X-Forged")).isNull();
            assertThat(m.message().getAllRecipients()).hasSize(1);
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            m.message().writeTo(raw);
            assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
                    .noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("X-Forged:"));
            assertThat(m.body()).contains("Action: INJECT-1 X-Forged: 1 Review the policy  Bcc: evil@example.com");
        }
    }

    @Test
    void theSameEventDeliveredTwiceAndASecondAnnouncementProduceOneEmailEach() {
        String id = "action-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        var data = Events.overdue(id, "CW-3", "Blended approaches to practice placements", Events.jamie());
        double duplicateEventsBefore = counter("waypoint.notifications.deduplicated", "by", "event");

        publish(PLANS, id, Events.cloudEvent(eventId, "plan", "ActionBecameOverdue", id, data));
        publish(PLANS, id, Events.cloudEvent(eventId, "plan", "ActionBecameOverdue", id, data)); // redelivery
        publish(PLANS, id, Events.cloudEvent("plan", "ActionBecameOverdue", id, data)); // announced again

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("CW-3 Blended").size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mail.about("CW-3 Blended").stream().filter(m -> !m.to().equals(HELEN)).count() == 2);
        assertThat(mail.about("CW-3 Blended").stream().filter(m -> !m.to().equals(HELEN)).map(Mailbox.Mail::to))
                .containsExactlyInAnyOrder(JAMIE, SARAH);
        assertThat(counter("waypoint.notifications.deduplicated", "by", "event")).isGreaterThan(duplicateEventsBefore);
        assertThat(counter("waypoint.notifications.deduplicated", "by", "alert")).isPositive();
    }

    @Test
    void recordsPolledTogetherAreProcessedTogetherEachWithItsOwnOutcomeAndInOrder() {
        String a = "action-batch-a-" + UUID.randomUUID();
        String b = "action-batch-b-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        var aOverdue = Events.overdue(a, "BATCH-A", "Develop the corporate parenting plan", Events.jamie());
        String completedB = UUID.randomUUID().toString();
        ProcessingEvents processing = app.getBean(ProcessingEvents.class);

        List<ProcessingEvents.Outcome> outcomes = processing.receiveAll(List.of(
                new ProcessingEvents.Incoming(PLANS, Events.cloudEvent(eventId, "plan", "ActionBecameOverdue", a, aOverdue)),
                new ProcessingEvents.Incoming(PLANS, Events.cloudEvent(eventId, "plan", "ActionBecameOverdue", a, aOverdue)),
                new ProcessingEvents.Incoming(PLANS, Events.cloudEvent("plan", "ActionBecameOverdue", a, aOverdue)),
                new ProcessingEvents.Incoming(PLANS, "{ not an event"),
                new ProcessingEvents.Incoming(PLANS, Events.brokenCloudEvent("plan", "PlanArchived", "p-1", Map.of("planId", "p-1"))),
                new ProcessingEvents.Incoming(PLANS, Events.cloudEvent("plan", "ActionBecameOverdue", b,
                        Events.overdue(b, "BATCH-B", "Review the kinship care policy", Events.jamie()))),
                new ProcessingEvents.Incoming(PLANS, Events.cloudEvent(completedB, "plan", "ActionCompleted", b,
                        Events.completed(b, Events.jamie())))));

        assertThat(outcomes).containsExactly(ProcessingEvents.Outcome.PROCESSED, ProcessingEvents.Outcome.DUPLICATE,
                ProcessingEvents.Outcome.PROCESSED, ProcessingEvents.Outcome.DEAD_LETTERED, ProcessingEvents.Outcome.IGNORED,
                ProcessingEvents.Outcome.PROCESSED, ProcessingEvents.Outcome.PROCESSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("BATCH-A ").size() >= 2 && mail.about("BATCH-B ").size() >= 2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() ->
                mail.about("BATCH-A ").stream().filter(m -> !m.to().equals(HELEN)).count() == 2
                        && mail.about("BATCH-B ").size() == 2);
        assertThat(mail.about("BATCH-A ")).as("still overdue: escalated to Helen after a while, once")
                .extracting(Mailbox.Mail::to).containsOnlyOnce(JAMIE, SARAH);
        assertThat(mail.about("BATCH-B ")).as("completed in the same batch: never escalated to Helen")
                .extracting(Mailbox.Mail::to).containsExactlyInAnyOrder(JAMIE, SARAH);
        try (var client = com.mongodb.client.MongoClients.create(mongo.uri("notifications-test"))) {
            var db = client.getDatabase("notifications-test");
            assertThat(db.getCollection("escalations").find(new org.bson.Document("itemId", b)).first().getString("status"))
                    .isEqualTo("ENDED");
            assertThat(db.getCollection("events").find(new org.bson.Document("_id", eventId)).first().getString("status"))
                    .isEqualTo("DONE");
        }
    }

    @Test
    void eachConfiguredRuleSendsItsEventToTheRightPeopleAndOthersSendNothing() {
        var morag = Events.lead("Morag Clark", "morag.lead", null);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        record Case(String topic, String service, String type, String key, Map<String, Object> data, String subject,
                    List<String> to) {
        }
        List<Case> cases = List.of(
                new Case(INDICATORS, "indicator", "IndicatorStatusChanged", "ind-" + suffix,
                        Events.indicatorStatusChanged("ind-" + suffix, "RED", morag),
                        "Red: CJ-04 Percentage of CPO reports submitted to court by the due date (2021/22 Q3)",
                        List.of("morag.clark@waypoint.example", "david.brown@waypoint.example")),
                new Case(INDICATORS, "indicator", "MeasurementMissing", "mm-" + suffix,
                        Events.measurementMissing("mm-" + suffix, morag),
                        "Measurement missing: AOP-11 Delayed discharges over two weeks (2021/22 Q2)",
                        List.of("morag.clark@waypoint.example")),
                new Case(RISKS, "risk", "RiskEscalated", "risk-" + suffix,
                        Events.riskEscalated("risk-" + suffix, List.of("HIGHER_BAND", "TOP_BAND"), morag),
                        "Risk escalated: CHCJRISK03 Insufficient foster carers to meet demand (score 20, very high)",
                        List.of("morag.clark@waypoint.example", "david.brown@waypoint.example")),
                new Case(RISKS, "risk", "RiskReviewOverdue", "rr-" + suffix,
                        Events.riskReviewOverdue("rr-" + suffix, morag),
                        "Risk review overdue: DG-R2 Workforce capacity in care at home (due 1 Mar 2022)",
                        List.of("morag.clark@waypoint.example", "david.brown@waypoint.example")),
                new Case(BUDGETS, "budget", "OverspendProjected", "line-" + suffix,
                        Events.overspendProjected("line-" + suffix, Events.lead("Morag Clark", "morag.lead", null)),
                        "Overspend projected: Care at Home, Care at home staffing (£62,500.00, 2021/22 Q2)",
                        List.of("morag.clark@waypoint.example", "david.brown@waypoint.example")));
        // Not for alerting: an indicator turning green, a risk that only moved up a band.
        publish(INDICATORS, "ind-green-" + suffix, Events.cloudEvent("indicator", "IndicatorStatusChanged", "x",
                Events.indicatorStatusChanged("ind-green-" + suffix, "GREEN", morag)));
        publish(RISKS, "risk-band-" + suffix, Events.cloudEvent("risk", "RiskEscalated", "x",
                Events.riskEscalated("risk-band-" + suffix, List.of("HIGHER_BAND"), morag)));
        for (Case c : cases) {
            publish(c.topic(), c.key(), Events.cloudEvent(c.service(), c.type(), c.key(), c.data()));
        }

        for (Case c : cases) {
            await(c.type()).atMost(Duration.ofSeconds(30)).until(() -> mail.all().stream()
                    .filter(m -> m.body().contains(c.key())).count() >= c.to().size());
            List<Mailbox.Mail> sent = mail.all().stream().filter(m -> m.body().contains(c.key())).toList();
            assertThat(sent).as(c.type()).extracting(Mailbox.Mail::to).containsExactlyInAnyOrderElementsOf(c.to());
            assertThat(sent).as(c.type()).extracting(Mailbox.Mail::subject).containsOnly(c.subject());
        }
        assertThat(mail.all()).noneMatch(m -> m.body().contains("ind-green-" + suffix) || m.body().contains("risk-band-" + suffix));
    }

    @Test
    void alertsRaisedWhileTheMailServerIsDownAreSentOnceEachWhenItIsBack() {
        mail.down();
        try {
            for (int i = 1; i <= 3; i++) {
                String id = "action-smtp-" + i + "-" + UUID.randomUUID();
                publish(PLANS, id, Events.cloudEvent("plan", "ActionBecameOverdue", id,
                        Events.overdue(id, "SMTP-" + i, "Review the Social Work Out of Hours Service", Events.jamie())));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> counter("waypoint.notifications.failed") >= 1);
        } finally {
            mail.up();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mail.about("Review the Social Work Out of Hours").size() >= 6);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mail.about("Review the Social Work Out of Hours").stream().filter(m -> !m.to().equals(HELEN)).count() == 6);
        for (int i = 1; i <= 3; i++) {
            String ref = "SMTP-" + i + " ";
            assertThat(mail.about(ref).stream().filter(m -> !m.to().equals(HELEN)).map(Mailbox.Mail::to))
                    .containsExactlyInAnyOrder(JAMIE, SARAH);
        }
        assertThat(counter("waypoint.notifications.retried")).isPositive();
    }

    @Test
    void aPoisonEventLandsInTheDeadLetterTopicAndReplayingItCorrectedDeliversIt() throws Exception {
        String id = "action-poison-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        var broken = Events.overdue(id, "POISON-1", "Implement the Safe and Together model", Events.jamie());
        broken.remove("actionId"); // the rule cannot say which action it is about
        publish(PLANS, id, Events.brokenCloudEvent(eventId, "plan", "ActionBecameOverdue", id, broken));
        publish(PLANS, "garbage", "this is not JSON {");

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.read(NotificationTopics.DEAD_LETTERS, 50, Duration.ofSeconds(1)).stream()
                        .filter(r -> r.value().contains(eventId) || r.value().contains("this is not JSON")).toList(),
                records -> records.size() >= 2);
        EventContracts contracts = new EventContracts();
        dead.forEach(r -> contracts.assertConforms("notification-service", NotificationTopics.DEAD_LETTERS, r.value()));
        JsonNode poison = JSON.readTree(dead.stream().filter(r -> r.value().contains(eventId)).findFirst().orElseThrow().value());
        String deadLetterId = poison.path("data").path("deadLetterId").asString();
        assertThat(poison.path("data").path("kind").asString()).isEqualTo("POISON_EVENT");
        assertThat(poison.path("data").path("reason").asString()).contains("data.actionId");
        assertThat(mail.about("POISON-1")).isEmpty();

        HttpResponse<String> listed = Services.get(url + "/dead-letters?status=DEAD", admin());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(deadLetterId);
        String staff = keycloak.token("jamie.lead", JAMIE, "staff");
        assertThat(Services.get(url + "/dead-letters", staff).statusCode()).isEqualTo(403);
        assertThat(Services.post(url + "/dead-letters/" + deadLetterId + "/replay", keycloak.token("alex.auditor",
                "alex.reid@waypoint.example", "auditor"), "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> stillBroken = Services.post(url + "/dead-letters/" + deadLetterId + "/replay", admin(), "");
        assertThat(stillBroken.statusCode()).as(stillBroken.body()).isEqualTo(400);
        assertThat(stillBroken.body()).contains("\"field\":\"id\"");

        var fixed = Events.overdue(id, "POISON-1", "Implement the Safe and Together model", Events.jamie());
        HttpResponse<String> replayed = Services.post(url + "/dead-letters/" + deadLetterId + "/replay", admin(),
                "{\"correctedEvent\":" + Events.cloudEvent(eventId, "plan", "ActionBecameOverdue", id, fixed) + "}");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(JSON.readTree(replayed.body()).path("outcome").asString()).isEqualTo("PROCESSED");

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("POISON-1").size() >= 2);
        assertThat(mail.about("POISON-1").stream().map(Mailbox.Mail::to)).containsExactlyInAnyOrder(JAMIE, SARAH);
        HttpResponse<String> again = Services.post(url + "/dead-letters/" + deadLetterId + "/replay", admin(), "");
        assertThat(again.statusCode()).isEqualTo(400);
    }

    @Test
    void anAlertTheMailServerRefusesEveryTimeIsDeadLetteredAndReplayDeliversItOnce() throws Exception {
        mail.down();
        String id = "action-undeliverable-" + UUID.randomUUID();
        String deadLetterId;
        try {
            publish(PLANS, id, Events.cloudEvent("plan", "ActionBecameOverdue", id,
                    Events.overdue(id, "UNDELIVERED-1", "Embed the Signs of Safety approach", Events.jamie())));
            deadLetterId = await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode page = JSON.readTree(Services.get(url + "/dead-letters?status=DEAD&size=200", admin()).body());
                for (JsonNode d : page.path("items")) {
                    if (d.path("kind").asString().equals("UNDELIVERABLE_ALERT") && d.path("alertId").asString().contains(id)
                            && d.path("recipientEmail").asString().equals(JAMIE)) {
                        return d.path("id").asString();
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
        } finally {
            mail.up();
        }
        HttpResponse<String> log = Services.get(url + "/deliveries?status=FAILED&recipient=jamie.lead&size=200", admin());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains(id).contains("\"attempts\":5");
        assertThat(kafka.read(NotificationTopics.DEAD_LETTERS, 100, Duration.ofSeconds(3)))
                .anyMatch(r -> r.value().contains(deadLetterId) && r.value().contains("UNDELIVERABLE_ALERT"));

        HttpResponse<String> replayed = Services.post(url + "/dead-letters/" + deadLetterId + "/replay", admin(), "");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("UNDELIVERED-1").stream().anyMatch(m -> m.to().equals(JAMIE)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mail.about("UNDELIVERED-1").stream().filter(m -> m.to().equals(JAMIE)).count() == 1);
    }

    @Test
    void anActionStillOverdueAfterTheConfiguredTimeGoesToTheManagersManagerOnceAndACompletedOneDoesNot() {
        String stillOverdue = "action-escalate-" + UUID.randomUUID();
        String completed = "action-done-" + UUID.randomUUID();
        publish(PLANS, stillOverdue, Events.cloudEvent("plan", "ActionBecameOverdue", stillOverdue,
                Events.overdue(stillOverdue, "ESC-1", "Develop the Justice Social Work workforce plan", Events.jamie())));
        publish(PLANS, completed, Events.cloudEvent("plan", "ActionBecameOverdue", completed,
                Events.overdue(completed, "ESC-2", "Review kinship care assessments", Events.jamie())));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("ESC-2 ").size() >= 2);
        publish(PLANS, completed, Events.cloudEvent("plan", "ActionCompleted", completed, Events.completed(completed, Events.jamie())));

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("ESC-1 ").stream().anyMatch(m -> m.to().equals(HELEN)));
        Mailbox.Mail escalation = mail.about("ESC-1 ").stream().filter(m -> m.to().equals(HELEN)).findFirst().orElseThrow();
        assertThat(escalation.body()).contains("still overdue, 0 days after its leads and their line manager were told");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                mail.about("ESC-1 ").stream().filter(m -> m.to().equals(HELEN)).count() == 1);
        assertThat(mail.about("ESC-2 ")).noneMatch(m -> m.to().equals(HELEN));
    }

    @Test
    void everyoneSeesTheirOwnNotificationsAndMarksThemRead() throws Exception {
        String id = "action-mine-" + UUID.randomUUID();
        publish(PLANS, id, Events.cloudEvent("plan", "ActionBecameOverdue", id,
                Events.overdue(id, "MINE-1", "Introduce the Family Group Decision Making service", Events.lead("Morag Clark", "morag.lead", null))));
        String morag = keycloak.token("morag.lead", "morag.clark@waypoint.example", "staff");
        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(
                () -> JSON.readTree(Services.get(url + "/mine?unread=true", morag).body()),
                p -> p.path("items").findValuesAsString("subject").stream().anyMatch(s -> s.contains("MINE-1")));
        assertThat(page.path("unread").asLong()).isPositive();
        JsonNode mine = null;
        for (JsonNode n : page.path("items")) {
            if (n.path("subject").asString().contains("MINE-1")) {
                mine = n;
            }
        }
        assertThat(mine.path("read").asBoolean()).isFalse();
        assertThat(mine.path("link").asString()).isEqualTo("https://waypoint.test/actions/" + id);

        String jamie = keycloak.token("jamie.lead", JAMIE, "staff");
        assertThat(Services.post(url + "/mine/" + mine.path("id").asString() + "/read", jamie, "").statusCode()).isEqualTo(404);
        assertThat(Services.post(url + "/mine/" + mine.path("id").asString() + "/read", morag, "").statusCode()).isEqualTo(204);
        JsonNode after = JSON.readTree(Services.get(url + "/mine", morag).body());
        for (JsonNode n : after.path("items")) {
            if (n.path("id").asString().equals(mine.path("id").asString())) {
                assertThat(n.path("read").asBoolean()).isTrue();
            }
        }
        assertThat(Services.get(url + "/mine?size=0", morag).statusCode()).isEqualTo(400);
        assertThat(Services.get(url + "/mine", null).statusCode()).isEqualTo(401);
    }

    @Test
    void preferencesAreValidatedAndADailyDigestChoiceHoldsAlertsForTheDigest() throws Exception {
        String david = keycloak.token("david.manager", "david.brown@waypoint.example", List.of("Adult and Older People"), "manager", "staff");
        HttpResponse<String> bad = Services.put(url + "/preferences", david, null, "{\"rules\":{\"no-such-rule\":\"DAILY_DIGEST\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"rules.no-such-rule\"");
        HttpResponse<String> badMode = Services.put(url + "/preferences", david, null, "{\"rules\":{\"indicator-red\":\"WEEKLY\"}}");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(Services.get(url + "/preferences", david).body()).path("rules").isEmpty()).isTrue();

        HttpResponse<String> saved = Services.put(url + "/preferences", david, null,
                "{\"rules\":{\"indicator-red\":\"DAILY_DIGEST\"},\"areaDigest\":true}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(Services.get(url + "/preferences", david).body()).path("rules").path("indicator-red").asString())
                .isEqualTo("DAILY_DIGEST");

        String indicator = "ind-digest-" + UUID.randomUUID();
        publish(INDICATORS, indicator, Events.cloudEvent("indicator", "IndicatorStatusChanged", indicator,
                Events.indicatorStatusChanged(indicator, "RED", Events.lead("Morag Clark", "morag.lead", null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.all().stream()
                .anyMatch(m -> m.body().contains(indicator) && m.to().equals("morag.clark@waypoint.example")));
        HttpResponse<String> held = Services.get(url + "/deliveries?status=HELD&recipient=david.manager", admin());
        assertThat(held.body()).contains(indicator);
        assertThat(mail.all()).noneMatch(m -> m.body().contains(indicator) && m.to().equals("david.brown@waypoint.example"));
    }

    @Test
    void onlyOversightRolesSeeWhatWasSentAndOnlyAdminsAndAuditorsTheDeliveryLog() {
        String staff = keycloak.token("jamie.lead", JAMIE, "staff");
        String manager = keycloak.token("sarah.manager", SARAH, "manager");
        assertThat(Services.get(url, staff).statusCode()).isEqualTo(403);
        assertThat(Services.get(url, null).statusCode()).isEqualTo(401);
        assertThat(Services.get(url + "?limit=0", manager).statusCode()).isEqualTo(400);
        assertThat(Services.get(url, manager).statusCode()).isEqualTo(200);
        assertThat(Services.get(url + "/deliveries", manager).statusCode()).isEqualTo(403);
        assertThat(Services.get(url + "/deliveries", keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor"))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> badStatus = Services.get(url + "/deliveries?status=LOST", admin());
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"field\":\"status\"");
        assertThat(Services.get(url + "/events?status=WAITING", admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void theDailyDigestsGatherHeldAlertsAndManagersHearEvenWhenNothingHappened() {
        String morag = keycloak.token("morag.lead", "morag.clark@waypoint.example", "staff");
        assertThat(Services.put(url + "/preferences", morag, null, "{\"rules\":{\"measurement-missing\":\"DAILY_DIGEST\"}}")
                .statusCode()).isEqualTo(200);
        String indicator = "ind-held-" + UUID.randomUUID();
        publish(INDICATORS, indicator, Events.cloudEvent("indicator", "MeasurementMissing", indicator,
                Events.measurementMissing(indicator, Events.lead("Morag Clark", "morag.lead", null))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Services.get(url + "/deliveries?status=HELD&recipient=morag.lead", admin()).body().contains(indicator));
        SendingDigests digests = app.getBean(SendingDigests.class);

        // A quiet day long ago: every manager still hears that it ran.
        digests.send(java.time.LocalDate.of(2001, 4, 2), java.time.Instant.parse("2001-04-02T06:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("2 Apr 2001").size() >= 3);
        assertThat(mail.about("2 Apr 2001")).extracting(Mailbox.Mail::to)
                .containsExactlyInAnyOrder(SARAH, HELEN, "david.brown@waypoint.example");
        assertThat(mail.about("2 Apr 2001").stream().filter(m -> m.to().equals(SARAH)).findFirst().orElseThrow().subject())
                .isEqualTo("Daily digest for Children and Justice, 2 Apr 2001: nothing overdue today");

        // Today: Morag's held alert goes out in her digest, once, and David's area digest lists it.
        java.time.LocalDate today = java.time.LocalDate.of(2031, 1, 6);
        java.time.Instant cutOff = java.time.Instant.now().plusSeconds(1);
        assertThat(digests.send(today, cutOff)).isGreaterThanOrEqualTo(1);
        assertThat(digests.send(today, cutOff)).as("a second run the same day raises nothing").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("morag.clark@waypoint.example").stream()
                .anyMatch(m -> m.subject().startsWith("Your Waypoint digest for 6 January 2031")));
        Mailbox.Mail digest = mail.to("morag.clark@waypoint.example").stream()
                .filter(m -> m.subject().startsWith("Your Waypoint digest for 6 January 2031")).findFirst().orElseThrow();
        assertThat(digest.body()).contains("Measurement missing: AOP-11 Delayed discharges over two weeks (2021/22 Q2)")
                .contains("https://waypoint.test/indicators/" + indicator);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("david.brown@waypoint.example").stream()
                .anyMatch(m -> m.subject().startsWith("Daily digest for Adult and Older People, 6 Jan 2031")));
        assertThat(Services.get(url + "/deliveries?status=HELD&recipient=morag.lead", admin()).body()).doesNotContain(indicator);
    }

    @Test
    void consumerLagAndTheServiceCountersAreMetrics() {
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                registry.find("kafka.consumer.fetch.manager.records.lag.max").gauge() != null);
        assertThat(registry.find("waypoint.notifications.sent").counter()).isNotNull();
        assertThat(registry.find("waypoint.notifications.events.waiting").gauge()).isNotNull();
    }
}
