package io.novatune.deployfixture.misc;

/** A class in a package that is neither a tool's nor a shared one: the violation. */
public final class FixtureUnfiled {

    private FixtureUnfiled() {
    }
}
