package org.waypoint.platform.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * How long a service waits for its database before it says so (issue 15): finding a server to talk
 * to ({@code waypoint.mongo.server-selection-timeout}, 2 s) and opening a connection
 * ({@code waypoint.mongo.connect-timeout}, 2 s). The driver's own default is 30 s, which left a
 * person waiting half a minute for a 500 while MongoDB was down; now the request is answered 503
 * problem+json ({@code ProblemDetailsAdvice}) within about two seconds, and works again as soon as
 * the database is back, without a restart. The driver's monitor checks the server every
 * {@code waypoint.mongo.heartbeat-frequency} (2 s; the driver's default is 10 s) and tells
 * {@link DatabaseReachability}, so that a request arriving while the database is down is answered
 * at once, and one arriving after it is back finds it within two seconds.
 */
public final class MongoTimeouts implements MongoClientSettingsBuilderCustomizer {

    private final Duration serverSelection;
    private final Duration connect;
    private final Duration heartbeat;
    private final DatabaseReachability reachability;

    public MongoTimeouts(Duration serverSelection, Duration connect, Duration heartbeat, DatabaseReachability reachability) {
        this.serverSelection = serverSelection;
        this.connect = connect;
        this.heartbeat = heartbeat;
        this.reachability = reachability;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS)
                        .addClusterListener(reachability))
                .applyToServerSettings(server -> server.heartbeatFrequency(heartbeat.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS));
    }
}
