package org.waypoint.notification.alert.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.AlertSender;
import org.waypoint.notification.alert.domain.Alert;

/** Sends alerts as plain-text email over SMTP. */
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
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(alert.recipientEmail());
        message.setSubject(alert.subject());
        message.setText(alert.body());
        mail.send(message);
    }
}
