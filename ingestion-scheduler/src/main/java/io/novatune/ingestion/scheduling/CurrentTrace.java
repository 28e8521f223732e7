package io.novatune.ingestion.scheduling;

/** The trace a decision is made in, kept with its request so that publishing it later continues that trace. */
@FunctionalInterface
public interface CurrentTrace {

    /** The W3C {@code traceparent} of the current span, or null when nothing is traced. */
    String traceparent();
}
