package org.waypoint.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, in this gateway's memory (no Redis here): each key's bucket holds up to
 * {@code burst} tokens and refills at {@code requestsPerSecond}; a request takes one token or is
 * told how long until one is there. Buckets left untouched long enough to be full again are
 * dropped, so the map stays as small as the set of recent callers.
 */
final class TokenBuckets {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final long idleNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    TokenBuckets(GatewayProperties.Limit limit, LongSupplier nanoClock) {
        this.capacity = limit.burst();
        this.tokensPerNano = limit.requestsPerSecond() / 1e9;
        this.nanoClock = nanoClock;
        this.idleNanos = (long) Math.ceil(capacity / tokensPerNano);
        this.lastSweep = nanoClock.getAsLong();
    }

    /** Takes a token for {@code key}: {@link Duration#ZERO} when there was one, else how long until there is. */
    Duration take(String key) {
        long now = nanoClock.getAsLong();
        sweep(now);
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    /** Gives back a token taken for a request that was refused by another limit. */
    void giveBack(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.giveBack();
        }
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (now - lastSweep < Math.max(idleNanos, 60_000_000_000L)) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.idleSince(now) >= idleNanos);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
                updated = now;
            }
        }
    }
}
