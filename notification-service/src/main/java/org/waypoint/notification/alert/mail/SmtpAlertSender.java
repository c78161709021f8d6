package org.waypoint.notification.alert.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.AlertSender;
import org.waypoint.notification.alert.domain.Alert;

/** Sends alerts over SMTP as multipart/alternative email: plain text and HTML. */
@Component
public class SmtpAlertSender implements AlertSender {

    private final JavaMailSender mail;
    private final String from;

    public SmtpAlertSender(JavaMailSender mail, @Value("${waypoint.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Alert alert) {
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
        mail.send(message);
    }
}
