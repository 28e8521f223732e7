package io.novatune.deployfixture.kafka;

import io.novatune.deployfixture.tail.FixtureTail;

/** A shared class that runs back up to a tool: the violation. */
public final class FixtureSettings {

    private FixtureSettings() {
    }

    public static String bootstrap() {
        return FixtureTail.topic() + "@127.0.0.1:19092";
    }
}
