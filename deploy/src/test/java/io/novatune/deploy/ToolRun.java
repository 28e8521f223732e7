package io.novatune.deploy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an operator tool's main class in a child JVM, as its script runs it: its own exit code, stdout and
 * stderr apart, and the tool's logging configuration (Kafka's logs on stderr), not the tests'.
 */
record ToolRun(int exitCode, String stdout, String stderr, Duration took) {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    static ToolRun of(Class<?> tool, List<String> arguments) throws IOException, InterruptedException {
        URL logging = tool.getResource("/logback.xml");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logging, "-cp", System.getProperty("java.class.path"),
                tool.getName()));
        command.addAll(arguments);
        Path stdout = Files.createTempFile("tool-run", ".out");
        Path stderr = Files.createTempFile("tool-run", ".err");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(tool.getSimpleName() + " " + arguments + " still running after " + LIMIT.toSeconds() + " s");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new ToolRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr), took);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** The tool's own message comes last, after whatever Kafka's client logged. */
    String lastErrorLine() {
        List<String> lines = stderr.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
