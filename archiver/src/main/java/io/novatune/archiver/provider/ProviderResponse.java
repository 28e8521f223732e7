package io.novatune.archiver.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A provider's 200 answer with its body not yet read. {@link #body()} yields exactly {@link #contentLength()}
 * bytes, or throws {@link TruncatedBodyException} if the connection ends early. Closing it closes the connection.
 *
 * @param contentType media type without parameters, lower-case (e.g. {@code audio/mpeg}); empty when absent
 * @param connectedTo the address the body comes from, checked by {@link io.novatune.platform.net.AddressPolicy}
 */
public record ProviderResponse(String contentType, long contentLength, InputStream body, InetAddress connectedTo,
                               Socket socket) implements AutoCloseable {

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The connection is dropped either way.
        }
    }
}
