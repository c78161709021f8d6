/*
 * Starts a MongoDB wire-protocol compatible server (de.bwaldvogel:mongo-java-server)
 * whose data lives in one H2 MVStore file, so it survives restarts.
 *
 * Run with the JDK source launcher (JDK 21+):
 *   java -cp '.local/libs/mongo/*' infra/local/MongoServerLauncher.java \
 *        --file .local/data/mongo/waypoint.mv --host 127.0.0.1 --port 27017 [--oplog]
 *
 * Limits of the emulation: no multi-document transactions, no `hello` command,
 * change streams only with --oplog.
 */

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

public class MongoServerLauncher {

    public static void main(String[] args) throws Exception {
        String file = ".local/data/mongo/waypoint.mv";
        String host = "127.0.0.1";
        int port = 27017;
        boolean oplog = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = args[++i];
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--oplog" -> oplog = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());

        H2Backend backend = new H2Backend(path.toString());
        MongoServer server = new MongoServer(backend);
        if (oplog) {
            server.enableOplog();
        }
        server.bind(host, port);
        System.out.printf("mongo-java-server (H2 backend) listening on %s:%d, data file %s%s%n",
                host, port, path, oplog ? ", oplog enabled" : "");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down mongo-java-server");
            try {
                server.shutdown(); // also closes the backend, which commits the MVStore file
            } finally {
                stopped.countDown();
            }
        }, "mongo-shutdown"));
        stopped.await();
    }
}
