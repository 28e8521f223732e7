package io.novatune.archfixture.lifecycle.trackapi;

import io.novatune.archfixture.lifecycle.orphans.SweepThatCallsBack;

/** Violation: a track-api client that knows the sweep (and so closes a cycle with it). */
public class ChattyClient {

    private final SweepThatCallsBack sweep;

    public ChattyClient(SweepThatCallsBack sweep) {
        this.sweep = sweep;
    }

    public String lastReport() {
        return sweep.toString();
    }
}
