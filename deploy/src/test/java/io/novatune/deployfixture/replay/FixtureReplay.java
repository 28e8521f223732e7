package io.novatune.deployfixture.replay;

import io.novatune.deployfixture.kafka.FixtureSettings;

/** A tool using a shared class, as tools may; with the two others it closes a cycle. */
public final class FixtureReplay {

    private FixtureReplay() {
    }

    public static String group() {
        return "group-" + System.nanoTime();
    }

    public static String describe() {
        return group() + " on " + FixtureSettings.bootstrap();
    }
}
