package org.waypoint.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The machine's HTTP ceiling: a JDK HttpServer on loopback, in its own process, answering every GET
 * with the same small JSON page (about the size of a summary). No framework, no security, no data.
 */
public final class StaticServer {

    static final byte[] BODY;

    static {
        StringBuilder b = new StringBuilder("{\"period\":\"2026-11\",\"total\":10000,\"statuses\":[");
        String[] names = {"GREEN", "AMBER", "RED", "GREY"};
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"status\":\"").append(names[i]).append("\",\"label\":\"a label for ")
                    .append(names[i]).append("\",\"count\":").append(2500).append(",\"percent\":25}");
        }
        b.append("],\"padding\":\"").append("x".repeat(600)).append("\"}");
        BODY = b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                out.write(BODY);
            }
        });
        server.start();
        System.out.println("static endpoint ready on " + port);
    }

    private StaticServer() {
    }
}
