package org.waypoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up time and memory of each part of the benchmark's platform, from its own records: the
 * "Started ... in N seconds" line Spring Boot writes (Keycloak's "started in Ns"), the wall time
 * `./waypoint up` waited for readiness, and RSS from /proc (the whole process group, so Keycloak's
 * launcher script and its JVM count together).
 */
final class Processes {

    static final List<String> APPS = List.of("plan-service", "indicator-service", "risk-service", "budget-service",
            "notification-service", "gateway");
    static final List<String> INFRA = List.of("kafka", "mongo", "keycloak", "mail");

    private static final Pattern BOOT = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    private static final Pattern KEYCLOAK = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern UP = Pattern.compile("^\\s*(\\S+)\\s+up\\s+after\\s+(\\d+)s");

    private final Path logs;
    private final Path run;

    Processes(Path logs, Path run) {
        this.logs = logs;
        this.run = run;
    }

    Long pid(String name) {
        try {
            return Long.parseLong(Files.readString(run.resolve(name + ".pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Resident memory of the process group led by {@code pid}, in MB. */
    static double rssMb(long pid) {
        return groupKb(pid, "VmRSS") / 1024.0;
    }

    /** The highest resident memory of the group's processes, summed (Keycloak: its script and its JVM), in MB. */
    static double peakRssMb(long pid) {
        return groupKb(pid, "VmHWM") / 1024.0;
    }

    private static double groupKb(long pid, String field) {
        long kb = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[2]) == pid || p.getFileName().toString().equals(Long.toString(pid))) {
                        kb += statusKb(p, field);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return kb;
    }

    static long statusKb(Path proc, String field) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** RSS now (and the peak, VmHWM, of the main process) for every part. */
    Map<String, Object> memory() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : Stream.concat(APPS.stream(), INFRA.stream()).toList()) {
            Long pid = pid(name);
            if (pid == null || !Files.exists(Path.of("/proc/" + pid))) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("pid", pid);
            e.put("rssMb", Report.round(rssMb(pid), 0));
            e.put("peakRssMb", Report.round(peakRssMb(pid), 0));
            m.put(name, e);
        }
        return m;
    }

    /** What each part's own log says about its start-up, and how long `up` waited for it. */
    Map<String, Object> startup() {
        Map<String, Integer> waited = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(logs.resolve("bench-up.log"))) {
                Matcher u = UP.matcher(line);
                if (u.find()) {
                    waited.put(u.group(1), Integer.parseInt(u.group(2)));
                }
            }
        } catch (IOException noUpLog) {
            // a reused platform: nothing waited for
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : Stream.concat(APPS.stream(), INFRA.stream()).toList()) {
            Map<String, Object> e = new LinkedHashMap<>();
            try {
                String log = Files.readString(logs.resolve(name + ".log"));
                Matcher b = BOOT.matcher(log);
                if (b.find()) {
                    e.put("startedInSeconds", Double.parseDouble(b.group(1)));
                    e.put("jvmRunningForSeconds", Double.parseDouble(b.group(2)));
                } else if (name.equals("keycloak")) {
                    Matcher k = KEYCLOAK.matcher(log);
                    if (k.find()) {
                        e.put("startedInSeconds", Double.parseDouble(k.group(1)));
                    }
                }
            } catch (IOException | RuntimeException noLog) {
                // not started by this script
            }
            e.put("readyAfterSecondsWallClock", waited.get(name));
            m.put(name, e);
        }
        return m;
    }
}
