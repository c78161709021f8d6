package org.waypoint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections from a fixed local port to another. Used to give clients an address
 * before the server behind it exists: Kafka clients configured with the forwarder's port bootstrap
 * through it once the broker is up, then talk to the broker's advertised address directly.
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpForwarder(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        Thread.ofVirtual().start(() -> accept(targetHost, targetPort));
    }

    public static TcpForwarder start(int listenPort, String targetHost, int targetPort) {
        try {
            ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
            return new TcpForwarder(server, targetHost, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(String targetHost, int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(target);
                Thread.ofVirtual().start(() -> pipe(client, target));
                Thread.ofVirtual().start(() -> pipe(target, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
