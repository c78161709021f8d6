package org.waypoint.notification.alert.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.AlertSender;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.platform.validation.Text;

/**
 * Sends alerts over SMTP as multipart/alternative email: plain text and HTML. A batch goes over one
 * SMTP connection (one connect, EHLO and QUIT for all of it); the mail server's answer to each
 * message decides whether that alert was sent, and is told as soon as it is given (ADR 43). Every
 * email carries a {@code Message-ID} made of its alert's identity, the same on every attempt.
 */
@Component
public class SmtpAlertSender implements AlertSender {

    private final JavaMailSenderImpl mail;
    private final String from;

    public SmtpAlertSender(JavaMailSenderImpl mail, @Value("${waypoint.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
        nameTheStreamProvider();
    }

    /**
     * Jakarta Mail 2.1 looks its {@link StreamProvider} up with a {@link ServiceLoader} over the whole
     * class path each time a message, body part or multipart is created (jakartaee/mail-api#699, #861;
     * fixed in 2.2), about a millisecond of CPU per email here. Its finder reads the system property
     * named after the interface first, so the provider found once is named there (unless set already).
     * The finder loads that class through the thread's context class loader and fails rather than
     * falls back when it cannot, so messages are built and sent with this class's loader as the
     * context class loader ({@link #withOurClassLoader}); nothing else in this service builds messages.
     */
    static void nameTheStreamProvider() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            try {
                ServiceLoader.load(StreamProvider.class, SmtpAlertSender.class.getClassLoader()).findFirst()
                        .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
            } catch (java.util.ServiceConfigurationError | SecurityException e) {
                // left to Jakarta Mail's own look-up
            }
        }
    }

    @Override
    public void send(Alert alert) {
        RuntimeException[] refused = {null};
        sendEach(List.of(alert), new Delivery() {
            @Override
            public boolean sending(Alert a) {
                return true;
            }

            @Override
            public void accepted(Alert a) {
            }

            @Override
            public void refused(Alert a, RuntimeException why, boolean outcomeUnknown) {
                refused[0] = why;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
    }

    /**
     * Sends the alerts in order over one SMTP connection (one connect, EHLO and QUIT for all of them),
     * telling {@code delivery} about each as the server answers: a message the server refused (its
     * answer to a recipient or to the data) is refused and the next one goes on the same connection; when
     * the connection breaks while a message is being handed over, that one's outcome is unknown and those
     * after it were never tried. A failed QUIT after accepted messages changes nothing.
     */
    @Override
    public void sendEach(List<Alert> alerts, Delivery delivery) {
        withOurClassLoader(() -> {
            sendEachNow(alerts, delivery);
            return null;
        });
    }

    private void sendEachNow(List<Alert> alerts, Delivery delivery) {
        Transport transport = null;
        try {
            for (int i = 0; i < alerts.size(); i++) {
                Alert alert = alerts.get(i);
                MimeMessage message;
                try {
                    message = message(alert);
                } catch (MailPreparationException bad) {
                    delivery.refused(alert, bad, false);
                    continue;
                }
                if (transport == null) {
                    try {
                        transport = connect();
                    } catch (MessagingException e) {
                        MailSendException down = new MailSendException("Could not connect to the mail server: " + e.getMessage(), e);
                        for (Alert untried : alerts.subList(i, alerts.size())) {
                            delivery.refused(untried, down, false);
                        }
                        return;
                    }
                }
                if (!delivery.sending(alert)) {
                    continue;
                }
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (SendFailedException refused) { // the server's answer: not accepted; the connection goes on
                    delivery.refused(alert, new MailSendException("The mail server refused it: " + refused.getMessage(), refused),
                            false);
                    continue;
                } catch (MessagingException broken) { // the conversation broke: this one may have been accepted
                    MailSendException why = new MailSendException("The connection to the mail server failed: " + broken.getMessage(),
                            broken);
                    delivery.refused(alert, why, true);
                    for (Alert untried : alerts.subList(i + 1, alerts.size())) {
                        delivery.refused(untried, why, false);
                    }
                    return;
                }
                delivery.accepted(alert);
            }
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException quitFailed) {
                    // what the server accepted stays accepted
                }
            }
        }
    }

    /** Opens an SMTP connection as the configured mail sender would. */
    protected Transport connect() throws MessagingException {
        String username = mail.getUsername();
        String password = mail.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        Session session = mail.getSession();
        String protocol = mail.getProtocol() != null ? mail.getProtocol()
                : session.getProperty("mail.transport.protocol") != null ? session.getProperty("mail.transport.protocol") : "smtp";
        Transport transport = session.getTransport(protocol);
        transport.connect(mail.getHost(), mail.getPort(), username, password);
        return transport;
    }

    private static <T> T withOurClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpAlertSender.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * The alert as a message. Whatever was stored, no control character reaches a header: the subject
     * and the alert id are flattened to one line ({@link Text#flatten}), and the {@code Message-ID} is
     * {@link #messageId made of the alert id}, the same for every attempt.
     */
    MimeMessage message(Alert alert) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, alert.htmlBody() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(alert.recipientEmail());
            helper.setSubject(Text.flatten(alert.subject()).strip());
            if (alert.htmlBody() != null) {
                helper.setText(alert.textBody(), alert.htmlBody());
            } else {
                helper.setText(alert.textBody());
            }
            message.setHeader("X-Waypoint-Alert", MimeUtility.encodeText(Text.flatten(alert.id()), "UTF-8", "Q"));
            message.setSentDate(new java.util.Date());
            message.saveChanges(); // would give it a random Message-ID: ours is set after
            message.setHeader("Message-ID", messageId(alert.id()));
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    /**
     * The {@code Message-ID} of an alert's email: {@code <(its id)@waypoint>}, the id written with letters,
     * digits, {@code -} and {@code _} as they are and every other byte of its UTF-8 as {@code =XX} (so a
     * resend carries the same one and mail systems can tell it is the same message); an id too long for
     * that is written as its SHA-256.
     */
    public static String messageId(String alertId) {
        byte[] bytes = alertId.getBytes(StandardCharsets.UTF_8);
        StringBuilder local = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                local.append((char) c);
            } else {
                local.append('=').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        if (local.isEmpty() || local.length() > 200) {
            try {
                local = new StringBuilder("sha256-").append(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return "<" + local + "@waypoint>";
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
