package org.waypoint.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: a fixed number of threads, each sending its next GET as soon as the
 * previous one answered. Every series is bounded both in count and in time, and only ever targets
 * loopback (see {@link Http#requireLoopback}).
 */
final class LoadGenerator {

    private final int concurrency;

    LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
    }

    int concurrency() {
        return concurrency;
    }

    /** Sends up to {@code max} GETs (URL by request number) for at most {@code maxTime}. */
    Stats run(IntFunction<String> url, String token, int max, Duration maxTime) {
        long[] nanos = new long[max];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + maxTime.toNanos();
        Duration timeout = Duration.ofSeconds(30);
        long start = System.nanoTime();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().name("load-" + t).start(() -> {
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= max) {
                        return;
                    }
                    Http.Response r = Http.get(url.apply(i), token, timeout);
                    if (!r.ok()) {
                        int e = errors.incrementAndGet();
                        if (e <= 3) {
                            System.out.println("    ! HTTP " + r.status() + " from " + url.apply(i) + ": "
                                    + (r.body() == null ? "" : r.body().substring(0, Math.min(200, r.body().length()))));
                        }
                    }
                    nanos[done.getAndIncrement()] = r.nanos();
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Stats.of(nanos, done.get(), errors.get(), seconds);
    }

    /**
     * Two targets under the same conditions: requests alternate between them (even: first, odd:
     * second) on the same threads, so both see the same machine load at the same moments. Each
     * target's throughput is the closed-loop figure it would reach alone, concurrency / mean latency
     * (Little's law): its {@code seconds} are its busy time divided by the concurrency.
     */
    Stats[] paired(IntFunction<String> first, IntFunction<String> second, String token, int maxEach, Duration maxTime,
                   int warmupEach) {
        IntFunction<String> both = i -> i % 2 == 0 ? first.apply(i / 2) : second.apply(i / 2);
        run(both, token, 2 * warmupEach, Duration.ofSeconds(30));
        long[] nanos = new long[2 * maxEach];
        int[] statuses = new int[2 * maxEach];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + maxTime.toNanos();
        Duration timeout = Duration.ofSeconds(30);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().name("load-" + t).start(() -> {
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= nanos.length) {
                        return;
                    }
                    Http.Response r = Http.get(both.apply(i), token, timeout);
                    statuses[i] = r.status();
                    nanos[i] = r.nanos();
                    if (!r.ok() && i < 40) {
                        System.out.println("    ! HTTP " + r.status() + " from " + both.apply(i) + ": " + Bench.clip(r.body()));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Stats[] out = new Stats[2];
        for (int side = 0; side < 2; side++) {
            long[] mine = new long[maxEach];
            int n = 0;
            int errors = 0;
            long busy = 0;
            for (int i = side; i < nanos.length; i += 2) {
                if (nanos[i] == 0) {
                    continue; // not sent before the time was up
                }
                mine[n++] = nanos[i];
                busy += nanos[i];
                if (statuses[i] < 200 || statuses[i] >= 300) {
                    errors++;
                }
            }
            out[side] = Stats.of(mine, n, errors, busy / 1e9 / concurrency);
        }
        return out;
    }
}
