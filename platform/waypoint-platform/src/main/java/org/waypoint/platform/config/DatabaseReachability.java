package org.waypoint.platform.config;

import java.util.List;

import com.mongodb.connection.ServerDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;

/**
 * Whether this service's MongoDB driver can reach a server just now, as the driver's own monitor
 * sees it (issue 15). Down once every server the driver knows has failed its last check; up again
 * with the first that answers (the monitor looks every {@code waypoint.mongo.heartbeat-frequency},
 * 2 s). Until the driver has reached a server once, it counts as reachable: a service that starts
 * while its database is down, or one that never uses it, is not refused by the breaker (its calls
 * still time out after the server-selection timeout).
 *
 * <p>It is the breaker in front of the database: while it is down, {@link DatabaseOutageGuard}
 * answers API requests 503 at once instead of letting each database call of the request wait for
 * the server-selection timeout in turn.
 */
public final class DatabaseReachability implements ClusterListener {

    private volatile boolean seenUp;
    private volatile boolean down;

    @Override
    public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
        List<ServerDescription> servers = event.getNewDescription().getServerDescriptions();
        boolean anyOk = servers.stream().anyMatch(ServerDescription::isOk);
        boolean allFailed = !servers.isEmpty() && servers.stream().allMatch(s -> s.getException() != null);
        seenUp |= anyOk;
        down = seenUp && !anyOk && allFailed;
    }

    /** True while no server has answered the driver's monitor since they all failed, having answered before. */
    public boolean isDown() {
        return down;
    }
}
