package org.waypoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures came from, so that runs can be compared. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Bench.Size size, String tag, boolean startedHere, String appJavaOpts, int mailPort) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", Instant.now().toString());
        m.put("size", size.name());
        m.put("tag", tag);
        m.put("platformStartedByThisRun", startedHere);
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGb", Report.round(memTotalKb() / 1024.0 / 1024.0, 1));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vendor") + " " + Runtime.version());
        m.put("appJavaOpts", appJavaOpts);
        m.put("loadAverageAtStart", loadAverage());
        m.put("otherJavaProcessesAtStart", otherJavaProcesses(mailPort));
        return m;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static long memTotalKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return 0;
    }

    /** Java processes on the machine that are not part of this benchmark (other work sharing the cores). */
    static long otherJavaProcesses(int mailPort) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a))
                        .map(a -> !a.contains(".local/bench") && !a.contains("org.waypoint.bench")
                                && !a.contains("--http-port " + mailPort)).orElse(true))
                .count();
    }
}
