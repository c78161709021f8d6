package org.waypoint.notification.alert.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.waypoint.notification.AlertFixture;
import org.waypoint.notification.Mailbox;
import org.waypoint.notification.alert.application.AlertSender;
import org.waypoint.notification.alert.domain.Alert;

/** Batches of alerts against a real SMTP server (GreenMail): one connection each, and an answer per alert. */
class SmtpAlertSenderTest {

    private final Mailbox mailbox = Mailbox.onFreePort().up();
    private final AtomicInteger connections = new AtomicInteger();
    private final JavaMailSenderImpl mail = new JavaMailSenderImpl();
    private final SmtpAlertSender sender;

    SmtpAlertSenderTest() {
        mail.setHost("127.0.0.1");
        mail.setPort(mailbox.port());
        sender = new SmtpAlertSender(mail, "Waypoint <alerts@waypoint.example>") {
            @Override
            protected Transport connect() throws MessagingException {
                connections.incrementAndGet();
                return super.connect();
            }
        };
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    @Test
    void aBatchGoesOverOneConnectionAsSeparateMultipartEmails() throws Exception {
        List<Alert> alerts = List.of(alert("a-1", "jamie.wilson@waypoint.example"), alert("a-2", "sarah.campbell@waypoint.example"),
                alert("a-3", "helen.ross@waypoint.example"));

        assertThat(sender.sendAll(alerts)).isEmpty();

        assertThat(connections).hasValue(1);
        assertThat(mailbox.all()).extracting(Mailbox.Mail::to).containsExactlyInAnyOrder("jamie.wilson@waypoint.example",
                "sarah.campbell@waypoint.example", "helen.ross@waypoint.example");
        Mailbox.Mail one = mailbox.to("sarah.campbell@waypoint.example").getFirst();
        assertThat(one.subject()).isEqualTo("Overdue action a-2");
        assertThat(one.message().getHeader("X-Waypoint-Alert")).containsExactly("a-2");
        assertThat(one.body()).contains("text/plain").contains("text/html");
    }

    @Test
    void anAlertThatCannotBeAMessageIsReportedAndTheOthersStillGo() {
        Map<String, RuntimeException> refused = sender.sendAll(List.of(alert("a-1", "jamie.wilson@waypoint.example"),
                alert("a-2", "not an address@@"), alert("a-3", "helen.ross@waypoint.example")));

        assertThat(refused).containsOnlyKeys("a-2");
        assertThat(mailbox.all()).extracting(Mailbox.Mail::to)
                .containsExactlyInAnyOrder("jamie.wilson@waypoint.example", "helen.ross@waypoint.example");
    }

    @Test
    void whenTheMailServerIsDownEveryAlertOfTheBatchIsReportedWithWhy() {
        mailbox.down();

        Map<String, RuntimeException> refused = sender.sendAll(List.of(alert("a-1", "jamie.wilson@waypoint.example"),
                alert("a-2", "sarah.campbell@waypoint.example")));

        assertThat(refused).containsOnlyKeys("a-1", "a-2");
        assertThat(refused.get("a-1")).hasMessageContaining("connect");
    }

    @Test
    void jakartaMailIsToldItsStreamProviderSoItDoesNotSearchTheClassPathForEachMessage() {
        assertThat(System.getProperty("jakarta.mail.util.StreamProvider")).isNotBlank();
    }

    @Test
    void aThreadWhoseContextClassLoaderCannotSeeTheProviderStillSends() throws Exception {
        // Jakarta Mail loads the named provider through the context class loader and fails if it cannot (as in a fat jar's common pool).
        java.util.concurrent.atomic.AtomicReference<Map<String, RuntimeException>> refused = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> refused.set(sender.sendAll(List.of(alert("a-1", "jamie.wilson@waypoint.example")))));
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        thread.start();
        thread.join(30_000);

        assertThat(refused.get()).isEmpty();
        assertThat(mailbox.to("jamie.wilson@waypoint.example")).hasSize(1);
    }

    @Test
    void eachAlertIsRecordedAsTheServerAnswersForItNotAtTheEndOfTheBatch() {
        List<String> told = new java.util.ArrayList<>();
        sender.sendEach(List.of(alert("a-1", "jamie.wilson@waypoint.example"), alert("a-2", "not an address@@"),
                alert("a-3", "sarah.campbell@waypoint.example"), alert("a-4", "helen.ross@waypoint.example")), new AlertSender.Delivery() {
            @Override
            public boolean sending(Alert alert) {
                told.add("sending " + alert.id() + " (" + mailbox.all().size() + " in the mailbox)");
                return !alert.id().equals("a-3"); // taken over by another sender meanwhile: not sent here
            }

            @Override
            public void accepted(Alert alert) {
                told.add("accepted " + alert.id() + " (" + mailbox.all().size() + " in the mailbox)");
            }

            @Override
            public void refused(Alert alert, RuntimeException why, boolean outcomeUnknown) {
                told.add("refused " + alert.id() + (outcomeUnknown ? " (maybe accepted)" : ""));
            }
        });

        assertThat(told).containsExactly("sending a-1 (0 in the mailbox)", "accepted a-1 (1 in the mailbox)", "refused a-2",
                "sending a-3 (1 in the mailbox)", "sending a-4 (1 in the mailbox)", "accepted a-4 (2 in the mailbox)");
        assertThat(connections).hasValue(1);
        assertThat(mailbox.all()).extracting(Mailbox.Mail::to)
                .containsExactlyInAnyOrder("jamie.wilson@waypoint.example", "helen.ross@waypoint.example");
    }

    @Test
    void everyEmailOfAnAlertCarriesTheSameHeaderSafeMessageIdMadeOfItsIdentity() throws Exception {
        String id = "indicator-red:ind-7:2021/22 Q3|2022-01-14T10:00:00Z:morag.clark@waypoint.example";
        Alert alert = AlertFixture.alert(id).to("morag.clark@waypoint.example").subject("Red: CJ-04").build();

        sender.sendAll(List.of(alert));
        sender.sendAll(List.of(alert)); // sent again, as after a crash
        sender.sendAll(List.of(alert("a-2", "jamie.wilson@waypoint.example")));

        List<String> ids = new java.util.ArrayList<>();
        for (Mailbox.Mail m : mailbox.to("morag.clark@waypoint.example")) {
            ids.add(m.message().getMessageID());
        }
        assertThat(ids).hasSize(2).containsOnly(SmtpAlertSender.messageId(id));
        assertThat(ids.getFirst()).matches("<[A-Za-z0-9=_-]+@waypoint>")
                .isEqualTo("<indicator-red=3Aind-7=3A2021=2F22=20Q3=7C2022-01-14T10=3A00=3A00Z=3Amorag=2Eclark=40waypoint=2Eexample@waypoint>");
        assertThat(mailbox.to("jamie.wilson@waypoint.example").getFirst().message().getMessageID())
                .isEqualTo("<a-2@waypoint>").isNotEqualTo(ids.getFirst());
        assertThat(SmtpAlertSender.messageId("x".repeat(300))).matches("<sha256-[0-9a-f]{64}@waypoint>");
    }

    @Test
    void lineBreaksInASubjectOrAnAlertIdNeverBecomeHeadersWhateverWasStored() throws Exception {
        Alert forged = AlertFixture.alert("a-1\r\nBcc: evil2@example.com").to("jamie.wilson@waypoint.example")
                .subject("Overdue action: SP-1 Title\r\nBcc: evil@example.com\nX-Injected: yes").body("Body").build();

        assertThat(sender.sendAll(List.of(forged))).isEmpty();

        assertThat(mailbox.all()).as("no copy to an injected Bcc").singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("jamie.wilson@waypoint.example");
            assertThat(m.subject()).isEqualTo("Overdue action: SP-1 Title  Bcc: evil@example.com X-Injected: yes");
            assertThat(m.message().getHeader("Bcc")).isNull();
            assertThat(m.message().getHeader("X-Injected")).isNull();
            assertThat(m.message().getHeader("X-Waypoint-Alert")).containsExactly("a-1  Bcc: evil2@example.com");
            assertThat(m.message().getAllRecipients()).hasSize(1);
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            m.message().writeTo(raw);
            assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
                    .noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("X-Injected:"))
                    .filteredOn(line -> line.startsWith("Subject:")).hasSize(1);
        });
    }

    private static Alert alert(String id, String to) {
        return AlertFixture.alert(id).to(to).subject("Overdue action " + id).body("Body of " + id).build();
    }
}
