package org.waypoint.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on a port that stays the same when it is stopped and started again. */
public final class Mailbox implements AutoCloseable {

    public record Mail(String to, String subject, String body, MimeMessage message) {
    }

    private final int port;
    private GreenMail server;

    private Mailbox(int port) {
        this.port = port;
    }

    public static Mailbox onFreePort() {
        return new Mailbox(org.waypoint.testsupport.TestKafka.freePort());
    }

    public int port() {
        return port;
    }

    public Mailbox up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return this;
    }

    public Mailbox down() {
        if (server != null) {
            server.stop();
            server = null;
        }
        return this;
    }

    public List<Mail> all() {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).map(m -> {
            try {
                return new Mail(m.getAllRecipients()[0].toString(), m.getSubject(), GreenMailUtil.getBody(m), m);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Mails whose subject contains {@code text}. */
    public List<Mail> about(String text) {
        return all().stream().filter(m -> m.subject().contains(text)).toList();
    }

    public List<Mail> to(String email) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(email)).toList();
    }

    @Override
    public void close() {
        down();
    }
}
