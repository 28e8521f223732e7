package io.novatune.deployfixture.tail;

import io.novatune.deployfixture.replay.FixtureReplay;

/** A tool that reaches into another tool: the violation. */
public final class FixtureTail {

    private FixtureTail() {
    }

    public static String topic() {
        return FixtureReplay.group().replace("group", "topic");
    }
}
