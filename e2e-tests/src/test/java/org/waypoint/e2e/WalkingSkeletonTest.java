package org.waypoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.gateway.GatewayApplication;
import org.waypoint.notification.NotificationServiceApplication;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.testsupport.EventContracts;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton: through the gateway with a signed token, an action whose due date has
 * passed is stored, the overdue scan publishes ActionBecameOverdue through the outbox to a real
 * Kafka broker, notification-service emails the lead and their line manager over real SMTP, once.
 */
class WalkingSkeletonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The services share this test's classpath with the gateway: keep the gateway out of them. */
    private static final String NOT_A_GATEWAY = "spring.cloud.gateway.server.webflux.enabled";

    static InMemoryMongo mongo;
    static TestKafka kafka;
    static GreenMail smtp;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext planService;
    static ConfigurableApplicationContext notificationService;
    static ConfigurableApplicationContext gateway;
    static String api;

    @BeforeAll
    static void startPlatform() {
        mongo = InMemoryMongo.start();
        kafka = TestKafka.start(PlanTopics.PLANS);
        smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
        smtp.start();
        keycloak = TestKeycloak.start();

        planService = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("waypoint-plans"),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.poll-interval", "200ms",
                "waypoint.plan.overdue-scan-interval", "PT1S",
                "waypoint.plan.overdue-scan-initial-delay", "PT1S",
                NOT_A_GATEWAY, "false"));
        notificationService = Services.start(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("waypoint-notifications"),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
                "waypoint.mail.dispatch-interval", "PT0.2S",
                "waypoint.notifications.digests-enabled", "false",
                NOT_A_GATEWAY, "false"));
        gateway = Services.start(GatewayApplication.class, GatewayApplication.CONFIG_NAME, WebApplicationType.REACTIVE, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.services.plan", Services.url(planService),
                "waypoint.services.notification", Services.url(notificationService),
                "waypoint.service-name", "gateway",
                "waypoint.database", "unused-by-gateway"));
        api = Services.url(gateway) + "/api";
        String priya = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer", "staff");
        HttpResponse<String> plan = Services.post(api + "/plans", priya, """
                {"id":"ea-chcj-sip-2021-24","title":"Children's Health, Care and Justice Service Improvement Plan",
                 "organisation":"East Ayrshire Health and Social Care Partnership","serviceArea":"Children and Justice",
                 "period":"2021/22-2023/24","status":"ACTIVE","priorities":[{"id":"SP","title":"Safe and Protected"}]}""");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopPlatform() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {gateway, notificationService, planService}) {
            if (app != null) {
                app.close();
            }
        }
        keycloak.close();
        smtp.stop();
        kafka.close();
        mongo.close();
    }

    @Test
    void anOverdueActionCreatedThroughTheGatewayEmailsItsLeadAndTheirManagerOnce() throws Exception {
        // a lead may add an action they lead in their own area's plan (issue 16: never in another area)
        String jamie = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", List.of("Children and Justice"), "staff");
        HttpResponse<String> created = Services.post(api + "/actions", jamie, """
                {"planId":"ea-chcj-sip-2021-24","priorityId":"SP","reference":"SAFE-2",
                 "title":"Support the implementation of the new MAPPA standards",
                 "serviceArea":"Children and Justice",
                 "due":"2021",
                 "leads":[{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String actionId = JSON.readTree(created.body()).path("id").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= 2);

        MimeMessage toLead = onlyMessageTo("jamie.wilson@waypoint.example");
        assertThat(toLead.getSubject()).isEqualTo("Overdue action: SAFE-2 Support the implementation of the new MAPPA standards (due 31 Mar 2022)");
        assertThat(GreenMailUtil.getBody(toLead)).contains("An action you lead is overdue")
                .contains("Due: 31 March 2022 (written in the plan as \"2021\")");
        MimeMessage toManager = onlyMessageTo("sarah.campbell@waypoint.example");
        assertThat(GreenMailUtil.getBody(toManager)).contains("led by a member of your team");

        // Rescans, by schedule and by hand, announce nothing new and send nothing twice.
        // a manager reads the alerts of their own areas (issue 16)
        String sarah = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", List.of("Children and Justice"), "manager");
        HttpResponse<String> rescan = Services.post(api + "/actions/overdue-check", sarah, "");
        assertThat(rescan.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rescan.body()).path("announced").asInt()).isZero();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> smtp.getReceivedMessages().length == 2);

        HttpResponse<String> action = Services.get(api + "/actions/" + actionId, jamie);
        assertThat(JSON.readTree(action.body()).path("status").asString()).isEqualTo("OVERDUE");

        HttpResponse<String> alerts = Services.get(api + "/notifications", sarah);
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(alerts.body()).findValuesAsString("status")).containsExactly("SENT", "SENT");
    }

    @Test
    void everyEventPublishedMatchesItsSchemaAndIsDeclaredInAsyncApi() throws Exception {
        String priya = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        assertThat(Services.post(api + "/actions", priya, """
                {"planId":"ea-chcj-sip-2021-24","title":"Lead the development of a new model for Joint Investigative Interviewing across Ayrshire",
                 "serviceArea":"Children and Justice","due":"2021-22","startDate":"2021-04-01","progressPercent":40,
                 "leads":[{"name":"Senior Manager"}]}""").statusCode()).isEqualTo(201);
        // an officer may add an action of another area to a plan; its lead works there (plan-service's directory, issue 16)
        assertThat(Services.post(api + "/actions", priya, """
                {"planId":"ea-chcj-sip-2021-24","reference":"CW-3","title":"Blended approaches to practice placements",
                 "description":"Enables social work students to complete placements safely and effectively.",
                 "serviceArea":"Adult and Older People","due":"2099",
                 "leads":[{"name":"Priya Shah","username":"priya.officer","email":"priya.shah@waypoint.example"}]}""")
                .statusCode()).isEqualTo(201);

        List<ConsumerRecord<String, String>> records = kafka.read(PlanTopics.PLANS, 3, Duration.ofSeconds(30));
        assertThat(records).hasSizeGreaterThanOrEqualTo(3);
        EventContracts contracts = new EventContracts();
        for (ConsumerRecord<String, String> record : records) {
            contracts.assertConforms("plan-service", PlanTopics.PLANS, record.value());
            JsonNode event = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(event.path("subject").asString());
            assertThat(new String(record.headers().lastHeader("content-type").value())).isEqualTo("application/cloudevents+json");
        }
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                .contains("org.waypoint.plan.ActionCreated.v1", "org.waypoint.plan.ActionBecameOverdue.v1");
    }

    @Test
    void theGatewayAnswersUnauthenticatedApiCallsWith401AndPassesRoleRefusalsThrough() {
        HttpResponse<String> anonymous = Services.get(api + "/actions", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("problem+json"));

        String viewer = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
        HttpResponse<String> refused = Services.post(api + "/actions", viewer,
                "{\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}]}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"status\":403");
    }

    private static MimeMessage onlyMessageTo(String address) throws MessagingException {
        List<MimeMessage> matching = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(matching).as("messages to " + address).hasSize(1);
        return matching.get(0);
    }
}
