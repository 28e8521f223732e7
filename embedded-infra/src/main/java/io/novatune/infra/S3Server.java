package io.novatune.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy speaking the real S3 protocol (signature V2/V4 checked) over a filesystem or in-memory blob store.
 * {@link #stop()} and {@link #restart()} keep the port and the stored objects, so tests can make S3 unavailable
 * for a while.
 */
public final class S3Server implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String ACCESS_KEY = "novatune-local";
    private static final String SECRET_KEY = "novatune-local-secret";
    private static final String REGION = "us-east-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final BlobStoreContext blobStore;
    private final int port;
    private S3Proxy proxy;
    private boolean closed;

    private S3Server(BlobStoreContext blobStore, int port) {
        this.blobStore = blobStore;
        this.port = port;
    }

    public static S3Server start(S3Options options) {
        QuietServerLogs.apply();
        if (options.port() != 0) {
            FreePort.requireFree(options.port(), "S3Proxy");
        }
        S3Server server = new S3Server(blobStore(options.storageDirectory()), options.port() == 0 ? FreePort.pick() : options.port());
        try {
            server.restart();
        } catch (RuntimeException e) {
            server.blobStore.close();
            throw e;
        }
        return server;
    }

    private static BlobStoreContext blobStore(Path storageDirectory) {
        Properties properties = new Properties();
        String provider = "transient-nio2";
        if (storageDirectory != null) {
            provider = "filesystem-nio2";
            properties.setProperty("jclouds.filesystem.basedir", Directories.existing(storageDirectory).toString());
        }
        return ContextBuilder.newBuilder(provider)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties)
                .build(BlobStoreContext.class);
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    public String region() {
        return REGION;
    }

    /** Creates the bucket unless it exists (works while the server is stopped, too). */
    public void createBucket(String bucket) {
        blobStore.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** Stops answering on the port; the stored objects stay. Does nothing when already stopped. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            proxy = null;
        }
    }

    /** Starts answering again on the same port with the same objects. Does nothing when already running. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("S3 server is closed");
        }
        if (proxy != null) {
            return;
        }
        S3Proxy started = S3Proxy.builder()
                .blobStore(blobStore.getBlobStore())
                .endpoint(endpoint())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            started.start();
            awaitStarted(started);
        } catch (Exception e) {
            stopQuietly(started);
            throw new IllegalStateException("S3Proxy did not start on " + endpoint(), e);
        }
        proxy = started;
    }

    // S3Proxy.start() returns before Jetty accepts connections.
    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy is " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // Already failing; the original error is the one to report.
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            blobStore.close();
        }
    }

    @Override
    public String toString() {
        return "S3Proxy on " + endpoint();
    }
}
