package io.novatune.archiver.archiving;

/** One try of one asset failed; {@link #retryable()} decides whether Resilience4j tries again. */
class AttemptFailure extends Exception {

    private final boolean retryable;

    AttemptFailure(boolean retryable, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
