/*
 * Local SMTP server with a mail viewer, for development only.
 *
 * Starts GreenMail SMTP (any sender, any recipient, no authentication) and a small
 * JDK HttpServer that shows what arrived. Nothing is loaded from the internet.
 *
 * Run with the JDK source launcher (JDK 21+):
 *   java -cp '.local/libs/mail/*' infra/local/MailViewer.java \
 *        --host 127.0.0.1 --smtp-port 3025 --http-port 8025
 *
 * HTTP:
 *   GET    /               HTML page, newest message first, refreshes itself
 *   GET    /api/messages   JSON array [{"id","from","to":[..],"subject","body","receivedAt","messageId"}]
 *   DELETE /api/messages   forget every message (204)
 *
 * Messages live in memory only; the newest MAX_MESSAGES are kept.
 */

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

public class MailViewer {

    static final int MAX_MESSAGES = 1000;

    record Mail(long id, String from, List<String> to, String subject, String body, Instant receivedAt, String messageId) {
    }

    static final Deque<Mail> MAILS = new ConcurrentLinkedDeque<>(); // newest first
    static final AtomicLong NEXT_ID = new AtomicLong(1);
    /** One SMTP transaction is delivered once per recipient: remember which we recorded. */
    static final Set<MovingMessage> SEEN = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int smtpPort = 3025;
        int httpPort = 8025;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--smtp-port" -> smtpPort = Integer.parseInt(args[++i]);
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }

        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((MovingMessage msg, MailAddress recipient) -> {
            if (SEEN.add(msg)) {
                record(msg);
            }
            return delivery.handle(msg, recipient);
        });

        // The viewer keeps its own copy of each message; GreenMail's mailboxes (for IMAP/POP3,
        // unused here) would only grow, so empty them now and then.
        ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailbox-purge");
            t.setDaemon(true);
            return t;
        });
        janitor.scheduleWithFixedDelay(() -> {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                System.err.println("could not purge GreenMail's mailboxes: " + e);
            }
        }, 1, 1, TimeUnit.MINUTES);

        HttpServer http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/", MailViewer::handle);
        http.start();
        System.out.printf("SMTP on %s:%d, mail viewer on http://%s:%d/%n", host, smtpPort, host, httpPort);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down mail viewer");
            http.stop(0);
            greenMail.stop();
            stopped.countDown();
        }, "mail-shutdown"));
        stopped.await();
    }

    static void record(MovingMessage msg) {
        try {
            MimeMessage mime = msg.getMessage();
            List<String> to = new ArrayList<>();
            for (MailAddress address : msg.getToAddresses()) { // envelope recipients, Bcc included
                to.add(address.getEmail());
            }
            if (to.isEmpty() && mime.getAllRecipients() != null) {
                for (Address address : mime.getAllRecipients()) {
                    to.add(address.toString());
                }
            }
            String from = addresses(mime.getFrom());
            if (from.isEmpty() && msg.getReturnPath() != null) {
                from = msg.getReturnPath().getEmail();
            }
            String subject = mime.getSubject() == null ? "" : mime.getSubject();
            Mail mail = new Mail(NEXT_ID.getAndIncrement(), from, to, subject, plainText(mime), Instant.now(),
                    mime.getMessageID() == null ? "" : mime.getMessageID());
            MAILS.addFirst(mail);
            while (MAILS.size() > MAX_MESSAGES) {
                MAILS.pollLast();
            }
            System.out.printf("mail #%d from <%s> to %s: %s%n", mail.id(), from, to, subject);
        } catch (Exception e) {
            System.err.println("could not read a received message: " + e);
        }
    }

    static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Address a : addresses) {
            parts.add(a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString());
        }
        return String.join(", ", parts);
    }

    /** The first text/plain part; else the first text/html part without its tags. */
    static String plainText(Part part) throws Exception {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain.replace("\r\n", "\n").strip();
        }
        String html = find(part, "text/html");
        if (html != null) {
            return html.replace("\r\n", "\n").replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                    .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</h[1-6]>", "\n")
                    .replaceAll("<[^>]+>", "")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                    .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }
        return "";
    }

    static String find(Part part, String mimeType) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(mimeType)) {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- HTTP

    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") || path.equals("/api/messages/")) {
                switch (method) {
                    case "GET", "HEAD" -> send(exchange, 200, "application/json", json());
                    case "DELETE" -> {
                        MAILS.clear();
                        exchange.getResponseHeaders().set("Cache-Control", "no-store");
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> methodNotAllowed(exchange, "GET, HEAD, DELETE");
                }
            } else if (path.equals("/") || path.equals("/index.html")) {
                if (method.equals("GET") || method.equals("HEAD")) {
                    send(exchange, 200, "text/html", html());
                } else {
                    methodNotAllowed(exchange, "GET, HEAD");
                }
            } else {
                send(exchange, 404, "text/plain", "not found\n");
            }
        } catch (RuntimeException e) {
            System.err.println("request failed: " + e);
        }
    }

    static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        send(exchange, 405, "text/plain", "method not allowed\n");
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String json() {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (Mail m : MAILS) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"id\":").append(m.id())
                    .append(",\"from\":").append(jsonString(m.from()))
                    .append(",\"to\":[");
            for (int i = 0; i < m.to().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(jsonString(m.to().get(i)));
            }
            sb.append("],\"subject\":").append(jsonString(m.subject()))
                    .append(",\"body\":").append(jsonString(m.body()))
                    .append(",\"receivedAt\":").append(jsonString(m.receivedAt().toString()))
                    .append(",\"messageId\":").append(jsonString(m.messageId()))
                    .append('}');
        }
        return sb.append("]").toString();
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c"); // harmless if the JSON is ever embedded in HTML
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    static String html() {
        List<Mail> mails = new ArrayList<>(MAILS);
        StringBuilder sb = new StringBuilder();
        sb.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="refresh" content="5">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Waypoint local mail</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #f6f7f8; }
                  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
                  .bar { display: flex; gap: 1rem; align-items: center; margin-bottom: 1rem; color: #555; }
                  article { background: #fff; border: 1px solid #d8dadc; border-radius: 6px; padding: .75rem 1rem; margin-bottom: .75rem; }
                  dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: 0 0 .5rem; }
                  dt { font-weight: 600; color: #555; }
                  dd { margin: 0; overflow-wrap: anywhere; }
                  .subject { font-size: 1.1rem; font-weight: 600; }
                  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; padding: .6rem; border-radius: 4px; margin: 0; font-size: .9rem; }
                  button { cursor: pointer; }
                </style>
                </head>
                <body>
                <h1>Waypoint local mail</h1>
                """);
        sb.append("<div class=\"bar\"><span>")
                .append(mails.size()).append(mails.size() == 1 ? " message" : " messages")
                .append(", newest first; this page refreshes every 5 seconds.</span>")
                .append("<button type=\"button\" onclick=\"fetch('/api/messages',{method:'DELETE'}).then(()=>location.reload())\">Delete all</button>")
                .append("<a href=\"/api/messages\">JSON</a></div>\n");
        if (mails.isEmpty()) {
            sb.append("<p>No mail yet. Anything sent to the SMTP port shows up here.</p>\n");
        }
        for (Mail m : mails) {
            sb.append("<article id=\"m").append(m.id()).append("\">\n")
                    .append("<div class=\"subject\">").append(esc(m.subject().isEmpty() ? "(no subject)" : m.subject())).append("</div>\n")
                    .append("<dl>")
                    .append("<dt>Received</dt><dd><time datetime=\"").append(esc(m.receivedAt().toString())).append("\">")
                    .append(esc(TIME.format(m.receivedAt()))).append("</time></dd>")
                    .append("<dt>From</dt><dd>").append(esc(m.from())).append("</dd>")
                    .append("<dt>To</dt><dd>").append(esc(String.join(", ", m.to()))).append("</dd>")
                    .append("</dl>\n<pre>").append(esc(m.body())).append("</pre>\n</article>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }
}
