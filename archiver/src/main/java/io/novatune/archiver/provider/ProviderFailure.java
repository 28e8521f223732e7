package io.novatune.archiver.provider;

/**
 * The provider did not hand over the file. {@link #retryable()} separates what a later try may fix (429, 5xx,
 * timeouts, resets, a cut body) from what it cannot (403/404/410: the link expired or is gone; a refused URL).
 * Messages never contain a URL's query string: provider links are often signed.
 */
public class ProviderFailure extends Exception {

    private final boolean retryable;

    public ProviderFailure(boolean retryable, String reason) {
        super(reason);
        this.retryable = retryable;
    }

    public ProviderFailure(boolean retryable, String reason, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    public static ProviderFailure refused(String reason) {
        return new ProviderFailure(false, reason);
    }

    public boolean retryable() {
        return retryable;
    }
}
