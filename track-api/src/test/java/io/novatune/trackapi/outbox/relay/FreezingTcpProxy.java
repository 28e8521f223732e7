package io.novatune.trackapi.outbox.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy that can freeze: from {@link #freeze} on it forwards nothing and reads nothing more, in either
 * direction, yet keeps every socket open — what a hung node or a path that swallows packets looks like to both ends,
 * while the kernel under the proxy still acknowledges what arrives (so TCP keepalives see a live peer).
 */
final class FreezingTcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final CountDownLatch thawed = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    private FreezingTcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        daemon("freezing-proxy-accept", this::accept);
    }

    static FreezingTcpProxy to(String host, int port) {
        try {
            return new FreezingTcpProxy(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    void freeze() {
        frozen = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("freezing-proxy-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while (!frozen && (read = in.read(buffer)) >= 0) {
                    awaitThaw();
                    out.write(buffer, 0, read);
                    out.flush();
                }
                awaitThaw();
            } catch (IOException | InterruptedException ended) {
                // One side went away, or the proxy closed.
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Frozen: hold on, the bytes in hand never forwarded, nothing more read. */
    private void awaitThaw() throws InterruptedException {
        if (frozen) {
            thawed.await();
        }
    }

    @Override
    public void close() throws IOException {
        thawed.countDown();
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
