package org.waypoint.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB-compatible server (mongo-java-server) in this JVM on a free port: a real wire
 * protocol server, so the services' real drivers and Spring Data code run against it.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private InMemoryMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static InMemoryMongo start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new InMemoryMongo(server, server.getLocalAddress());
    }

    public int port() {
        return address.getPort();
    }

    /** A connection string for one database on this server. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
