package io.novatune.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports for the local servers: pick a free one (the usual small race is accepted), or check a given one. */
public final class FreePort {

    private FreePort() {
    }

    /**
     * Fails fast with a clear message: a server started on a taken port fails late and obscurely (zonky even
     * waits forever when the port belongs to something that is not PostgreSQL).
     */
    static void requireFree(int port, String server) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException inUse) {
            throw new IllegalStateException(server + " cannot start: port " + port + " is in use", inUse);
        }
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }
}
