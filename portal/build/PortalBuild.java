import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the portal with the machine's Node.js and copies it into the gateway's static resources.
 * Run by the gateway's Maven build (exec-maven-plugin, {@code java PortalBuild.java ...}: the JDK's
 * single-file launcher, so it needs nothing but the JDK that runs Maven).
 *
 * <p>No Node.js (or one older than 20.19) on PATH: it says so and stops without failing, and the
 * gateway serves its "portal not built" page (ADR 0050). {@code -Dportal.required=true} turns that
 * into a failure (CI); {@code -Dportal.skip=true} skips the portal. {@code npm ci} runs only when
 * {@code package-lock.json} changed since the last install, {@code npm run build} only when a
 * source changed since the last build.
 *
 * <p>Arguments: portal folder, target folder (e.g. gateway/target/classes/static), skip, required.
 */
public class PortalBuild {

    static final int[] MINIMUM_NODE = {20, 19};

    public static void main(String[] args) throws Exception {
        Path portal = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        boolean skip = args.length > 2 && Boolean.parseBoolean(args[2]);
        boolean required = args.length > 3 && Boolean.parseBoolean(args[3]);
        if (skip) {
            say("skipped (portal.skip=true): the gateway serves the page that says the portal was not built");
            return;
        }
        String npm = find(windows() ? "npm.cmd" : "npm");
        String node = find(windows() ? "node.exe" : "node");
        String problem = null;
        if (npm == null || node == null) {
            problem = "Node.js (node and npm) is not on PATH";
        } else {
            String version = output(portal, node, "--version").strip();
            if (!atLeast(version, MINIMUM_NODE)) {
                problem = "Node.js " + version + " is older than " + MINIMUM_NODE[0] + "." + MINIMUM_NODE[1];
            }
        }
        if (problem != null) {
            if (required) {
                throw new IllegalStateException("[portal] " + problem + ", and portal.required=true");
            }
            say(problem + ": the portal is not built, and the gateway serves the page that says so. "
                    + "Install Node.js 20.19 or newer and build again to get the portal.");
            return;
        }
        Path lock = portal.resolve("package-lock.json");
        Path installed = portal.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || newer(lock, installed)) {
            run(portal, npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        } else {
            say("dependencies up to date (node_modules newer than package-lock.json): no npm ci");
        }
        Path dist = portal.resolve("dist");
        Path stamp = dist.resolve("index.html");
        if (!Files.exists(stamp) || sourcesNewerThan(portal, Files.getLastModifiedTime(stamp))) {
            run(portal, npm, "run", "build");
        } else {
            say("portal up to date (dist newer than its sources): no npm run build");
        }
        copy(dist, target);
        say("portal copied to " + target);
    }

    static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }

    static String find(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static boolean atLeast(String version, int[] minimum) {
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > minimum[0] || (major == minimum[0] && minor >= minimum[1]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean newer(Path a, Path b) throws IOException {
        return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
    }

    static boolean sourcesNewerThan(Path portal, FileTime built) throws IOException {
        List<Path> roots = List.of(portal.resolve("src"), portal.resolve("public"), portal.resolve("index.html"),
                portal.resolve("package-lock.json"), portal.resolve("vite.config.ts"), portal.resolve("tsconfig.json"));
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                if (files.filter(Files::isRegularFile).anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        return true;
                    }
                })) {
                    return true;
                }
            }
        }
        return false;
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        say(String.join(" ", prefixNpm(command)));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("[portal] timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("[portal] failed (exit " + process.exitValue() + "): " + String.join(" ", command));
        }
    }

    static List<String> prefixNpm(String[] command) {
        List<String> words = new ArrayList<>();
        words.add("npm");
        words.addAll(List.of(command).subList(1, command.length));
        return words;
    }

    static String output(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor(1, TimeUnit.MINUTES);
        return text;
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void say(String message) {
        System.out.println("[portal] " + message);
    }
}
