package io.novatune.deploy.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.novatune.deploy.standin.CatalogStandIn;
import io.novatune.deploy.standin.MusicDatabasesStandIn;
import io.novatune.deploy.standin.ProviderFilesStandIn;
import io.novatune.infra.KafkaOptions;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.PostgresOptions;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Options;
import io.novatune.infra.S3Server;

/**
 * PostgreSQL (durable), Kafka and S3Proxy on persistent directories under the data directory. Closing stops
 * them in reverse order of start (S3, Kafka, PostgreSQL), and also stops a server whose start was still running
 * when the stack was asked to stop.
 */
final class LocalInfrastructure implements AutoCloseable {

    static final String BUCKET = "novatune-media";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean closed;
    private PostgresServer postgres;
    private KafkaServer kafka;
    private S3Server s3;
    private CatalogStandIn catalog;
    private MusicDatabasesStandIn musicDatabases;
    private ProviderFilesStandIn provider;

    void startPostgres(DataDirectory data, int port, List<String> databases) {
        long startedAt = System.nanoTime();
        postgres = register(PostgresServer.start(new PostgresOptions(data.postgres(), port, true)));
        databases.forEach(postgres::ensureDatabase);
        Progress.done("PostgreSQL up on " + postgres.host() + ":" + postgres.port() + ", databases " + databases, startedAt);
    }

    void startKafka(DataDirectory data, int port) {
        long startedAt = System.nanoTime();
        kafka = register(KafkaServer.start(new KafkaOptions(data.kafka(), port)));
        Progress.done("Kafka up on " + kafka.bootstrapServers(), startedAt);
    }

    void startS3(DataDirectory data, int port) {
        long startedAt = System.nanoTime();
        s3 = register(S3Server.start(new S3Options(data.s3(), port)));
        s3.createBucket(BUCKET);
        Progress.done("S3 up on " + s3.endpoint() + ", bucket " + BUCKET, startedAt);
    }

    /** The streaming catalog's stand-in, from which track-api lists albums added by their catalog id. */
    void startCatalogStandIn(int port) {
        long startedAt = System.nanoTime();
        catalog = register(CatalogStandIn.start(port));
        Progress.done("catalog stand-in up on " + catalog.describe(), startedAt);
    }

    CatalogStandIn catalog() {
        return catalog;
    }

    /** MusicBrainz and Discogs for discovery-service's identification. */
    void startMusicDatabasesStandIn(int port) {
        long startedAt = System.nanoTime();
        musicDatabases = register(MusicDatabasesStandIn.start(port));
        Progress.done("music databases stand-in up on " + musicDatabases.describe(), startedAt);
    }

    MusicDatabasesStandIn musicDatabases() {
        return musicDatabases;
    }

    /** The AI provider's stand-in, from which the archiver copies provider tracks' files. */
    void startProviderStandIn(int port) {
        long startedAt = System.nanoTime();
        provider = register(ProviderFilesStandIn.start(port));
        Progress.done("provider stand-in up on " + provider.describe(), startedAt);
    }

    ProviderFilesStandIn provider() {
        return provider;
    }

    PostgresServer postgres() {
        return postgres;
    }

    KafkaServer kafka() {
        return kafka;
    }

    S3Server s3() {
        return s3;
    }

    private synchronized <T extends AutoCloseable> T register(T server) {
        if (closed) {
            // Ctrl-C arrived while this server was starting: it must not outlive the launcher.
            closeQuietly(server);
            throw new IllegalStateException("the stack is stopping");
        }
        started.push(server);
        return server;
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            long startedAt = System.nanoTime();
            closeQuietly(server);
            Progress.done("stopped " + server, startedAt);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            Progress.warn("could not stop " + server + " cleanly: " + e);
        }
    }
}
