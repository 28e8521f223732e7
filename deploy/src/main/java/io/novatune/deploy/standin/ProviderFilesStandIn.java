package io.novatune.deploy.standin;

import io.novatune.infra.standin.ProviderStandIn;

/**
 * The AI provider of the local stack: the provider stand-in of {@code embedded-infra} on a fixed port, serving
 * generated files under {@code /media/} ({@code <name>.wav}, {@code .png}, {@code .mp4}). A provider track of
 * provider name {@value #PROVIDER_NAME} linking there is archived by the stack's archiver, whose and track-api's
 * {@code local} profiles allow this host on loopback over plain http.
 */
public final class ProviderFilesStandIn implements AutoCloseable {

    public static final int DEFAULT_PORT = 18701;
    /** The provider name the local profiles allow-list. */
    public static final String PROVIDER_NAME = "local";

    private final ProviderStandIn provider;

    private ProviderFilesStandIn(ProviderStandIn provider) {
        this.provider = provider;
    }

    public static ProviderFilesStandIn start(int port) {
        return new ProviderFilesStandIn(ProviderStandIn.start(port).withGeneratedMedia());
    }

    public String describe() {
        return provider.link("/media/") + "   (AI provider stand-in, provider name \"" + PROVIDER_NAME
                + "\": <name>.wav, <name>.png, <name>.mp4 generated from the name)";
    }

    @Override
    public void close() {
        provider.close();
    }

    @Override
    public String toString() {
        return provider.toString();
    }
}
