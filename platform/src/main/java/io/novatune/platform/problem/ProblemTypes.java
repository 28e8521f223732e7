package io.novatune.platform.problem;

import java.net.URI;

/** The {@code type} of every RFC 7807 problem a NovaTune service answers: one base, one name per kind of problem. */
public final class ProblemTypes {

    public static final String BASE = "https://novatune.io/problems/";

    /** For errors no handler knew: the client is told nothing more than that it was logged. */
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return URI.create(BASE + name);
    }
}
