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
import org.waypoint.notification.alert.domain.Alert;

/** Batches of alerts against a real SMTP server (GreenMail): one connection each, and an answer per alert. */
class SmtpAlertSenderTest {

    private final Mailbox mailbox = Mailbox.onFreePort().up();
    private final AtomicInteger connections = new AtomicInteger();
    private final JavaMailSenderImpl mail = new JavaMailSenderImpl() {
        @Override
        protected Transport connectTransport() throws MessagingException {
            connections.incrementAndGet();
            return super.connectTransport();
        }
    };
    private final SmtpAlertSender sender;

    SmtpAlertSenderTest() {
        mail.setHost("127.0.0.1");
        mail.setPort(mailbox.port());
        sender = new SmtpAlertSender(mail, "Waypoint <alerts@waypoint.example>");
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

    private static Alert alert(String id, String to) {
        return AlertFixture.alert(id).to(to).subject("Overdue action " + id).body("Body of " + id).build();
    }
}
