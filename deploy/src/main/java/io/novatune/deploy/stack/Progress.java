package io.novatune.deploy.stack;

import java.time.Duration;

/** What the launcher tells the operator while it works: one short line per step, on stdout. */
final class Progress {

    private Progress() {
    }

    static void step(String message) {
        System.out.println("[novatune] " + message);
        System.out.flush();
    }

    static void done(String what, long startedNanos) {
        step(what + " (" + seconds(Duration.ofNanos(System.nanoTime() - startedNanos)) + ")");
    }

    static void warn(String message) {
        System.err.println("[novatune] WARNING: " + message);
        System.err.flush();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
