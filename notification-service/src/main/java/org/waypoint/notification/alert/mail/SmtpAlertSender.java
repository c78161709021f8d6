package org.waypoint.notification.alert.mail;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.AlertSender;
import org.waypoint.notification.alert.domain.Alert;

/**
 * Sends alerts over SMTP as multipart/alternative email: plain text and HTML. A batch goes over one
 * SMTP connection (one connect, EHLO and QUIT for all of it); the mail server's answer to each
 * message decides whether that alert was sent.
 */
@Component
public class SmtpAlertSender implements AlertSender {

    private final JavaMailSender mail;
    private final String from;

    public SmtpAlertSender(JavaMailSender mail, @Value("${waypoint.mail.from}") String from) {
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
        withOurClassLoader(() -> {
            mail.send(message(alert));
            return null;
        });
    }

    /**
     * Every alert the server accepted is sent, including when only closing the connection failed
     * afterwards (Spring then reports no failed message); one that was refused, or never tried
     * because the connection failed, is returned with its reason.
     */
    @Override
    public Map<String, RuntimeException> sendAll(List<Alert> alerts) {
        return withOurClassLoader(() -> sendAllNow(alerts));
    }

    private Map<String, RuntimeException> sendAllNow(List<Alert> alerts) {
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        Map<MimeMessage, Alert> messages = new IdentityHashMap<>();
        List<MimeMessage> ready = new ArrayList<>();
        for (Alert alert : alerts) {
            try {
                MimeMessage message = message(alert);
                messages.put(message, alert);
                ready.add(message);
            } catch (MailPreparationException bad) {
                failed.put(alert.id(), bad);
            }
        }
        if (ready.isEmpty()) {
            return failed;
        }
        try {
            mail.send(ready.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, why) -> {
                Alert alert = messages.get(message);
                if (alert != null) {
                    failed.put(alert.id(), why instanceof RuntimeException r ? r : new MailSendException(why.getMessage(), why));
                }
            });
        } catch (MailException e) {
            ready.forEach(message -> failed.put(messages.get(message).id(), e));
        }
        return failed;
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

    private MimeMessage message(Alert alert) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, alert.htmlBody() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(alert.recipientEmail());
            helper.setSubject(alert.subject());
            if (alert.htmlBody() != null) {
                helper.setText(alert.textBody(), alert.htmlBody());
            } else {
                helper.setText(alert.textBody());
            }
            message.setHeader("X-Waypoint-Alert", alert.id());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }
}
