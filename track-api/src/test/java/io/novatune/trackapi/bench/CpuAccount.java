package io.novatune.trackapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU goes during a run: this JVM's threads by name (digits folded, so pools add up; the JIT and GC
 * threads included, which a Java profiler does not see) and PostgreSQL's processes, read from {@code /proc}.
 */
final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100.0;
    /** The JIT's compiler threads (C1 and C2), digits folded. */
    static final String JIT = "CN CompilerThre";

    private CpuAccount() {
    }

    /** CPU seconds so far, by thread group; the processes of the PostgreSQL listening on this port by role. */
    static Map<String, Double> snapshot(int postgresPort) {
        String postmaster = postmasterOf(postgresPort);
        Map<String, Double> seconds = new HashMap<>();
        forEachEntry(Path.of("/proc/self/task"), task -> seconds.merge(
                read(task.resolve("comm")).strip().replaceAll("\\d+", "N"), cpuSeconds(task), Double::sum));
        forEachEntry(Path.of("/proc"), process -> {
            String pid = process.getFileName().toString();
            if (pid.chars().allMatch(Character::isDigit)
                    && (pid.equals(postmaster) || parentOf(process).equals(postmaster))) {
                seconds.merge("PostgreSQL " + role(read(process.resolve("cmdline"))), cpuSeconds(process), Double::sum);
            }
        });
        return seconds;
    }

    /** CPU milliseconds per operation by thread group between two snapshots. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, long operations) {
        Map<String, Double> used = new HashMap<>();
        after.forEach((group, seconds) -> used.put(group, (seconds - before.getOrDefault(group, 0.0)) * 1000 / operations));
        return used;
    }

    /**
     * Two runs' CPU per operation side by side, the groups that used the most in the first run first, and their
     * difference: where the second run saves.
     */
    static String table(String first, Map<String, Double> firstRun, String second, Map<String, Double> secondRun, int rows) {
        StringBuilder table = new StringBuilder(String.format(
                "| where (threads) | %s: CPU ms per write | %s | difference |%n|---|---|---|---|%n", first, second));
        table.append(String.format("| all | %.2f | %.2f | %.2f |%n", total(firstRun), total(secondRun),
                total(firstRun) - total(secondRun)));
        firstRun.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(rows)
                .forEach(entry -> {
                    double other = secondRun.getOrDefault(entry.getKey(), 0.0);
                    table.append(String.format("| %s | %.2f | %.2f | %.2f |%n",
                            entry.getKey(), entry.getValue(), other, entry.getValue() - other));
                });
        return table.toString();
    }

    /** The share of a run's CPU that this thread group used. */
    static double share(Map<String, Double> run, String group) {
        double total = total(run);
        return total == 0 ? 0 : run.getOrDefault(group, 0.0) / total;
    }

    private static double total(Map<String, Double> run) {
        return run.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A backend's title is {@code postgres: user database address state}; the server's own processes name themselves. */
    private static String role(String cmdline) {
        String title = cmdline.replace('\0', ' ').strip();
        if (title.contains("walsender")) {
            return "walsender (Debezium's slot)";
        }
        if (title.startsWith("postgres: ") && title.split(" ").length >= 4) {
            return "backends";
        }
        return "server processes";
    }

    /** Other engineers' servers may run on the same machine: only this port's postmaster and its children count. */
    private static String postmasterOf(int port) {
        String[] found = {""};
        forEachEntry(Path.of("/proc"), process -> {
            String[] args = read(process.resolve("cmdline")).split("\0");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-p") && args[i + 1].equals(Integer.toString(port)) && args[0].endsWith("postgres")) {
                    found[0] = process.getFileName().toString();
                }
            }
        });
        return found[0];
    }

    private static String parentOf(Path process) {
        String stat = read(process.resolve("stat"));
        return stat.isEmpty() ? "" : stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
    }

    private static double cpuSeconds(Path statOwner) {
        String stat = read(statOwner.resolve("stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        // Fields after the parenthesised name: state is the 3rd, utime the 14th and stime the 15th of the line.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static void forEachEntry(Path directory, java.util.function.Consumer<Path> action) {
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(action);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Empty when the thread or process has ended meanwhile. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}
