package io.novatune.archfixture.archiver.archiving;

import io.novatune.archfixture.archiver.storage.SweepOfKinds;

/** Deliberate violation for the architecture test: archiving and storage using each other. */
public class KindsOfArchiving {

    public static int count() {
        return 3;
    }

    public int sweep() {
        return new SweepOfKinds().prefixes();
    }
}
