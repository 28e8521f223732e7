package io.novatune.archfixture.archiver.storage;

import io.novatune.archfixture.archiver.archiving.KindsOfArchiving;

/** Deliberate violation for the architecture test: storage reaching back into archiving. */
public class SweepOfKinds {

    public int prefixes() {
        return KindsOfArchiving.count();
    }
}
