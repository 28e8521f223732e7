package io.novatune.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

final class FreeTcpPort {

    private FreeTcpPort() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
