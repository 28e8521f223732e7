package io.novatune.infra;

import io.novatune.infra.standin.TidalStandIn;

import java.util.function.Supplier;

/**
 * One PostgreSQL, one Kafka, one S3 and one catalog stand-in per JVM for tests: each is started on first use (temporary storage, free
 * ports) and closed by a JVM shutdown hook. Thread-safe; starting one server never waits for another.
 */
public final class SharedInfrastructure {

    private static final Lazy<PostgresServer> POSTGRES = new Lazy<>(() -> PostgresServer.start(PostgresOptions.forTests()));
    private static final Lazy<KafkaServer> KAFKA = new Lazy<>(() -> KafkaServer.start(KafkaOptions.forTests()));
    private static final Lazy<S3Server> S3 = new Lazy<>(() -> S3Server.start(S3Options.forTests()));
    private static final Lazy<TidalStandIn> TIDAL = new Lazy<>(() -> TidalStandIn.start().withRecordedAlbums());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::closeAll, "novatune-shared-infrastructure-shutdown"));
    }

    private SharedInfrastructure() {
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static KafkaServer kafka() {
        return KAFKA.get();
    }

    public static S3Server s3() {
        return S3.get();
    }

    /** The catalog stand-in, with its recorded albums; tests add albums of their own. */
    public static TidalStandIn tidal() {
        return TIDAL.get();
    }

    private static void closeAll() {
        TIDAL.closeIfStarted();
        S3.closeIfStarted();
        KAFKA.closeIfStarted();
        POSTGRES.closeIfStarted();
    }

    /** A server started at most once, by the first caller; a failed start is retried by the next caller. */
    private static final class Lazy<T extends AutoCloseable> {
        private final Supplier<T> starter;
        private T server;

        Lazy(Supplier<T> starter) {
            this.starter = starter;
        }

        synchronized T get() {
            if (server == null) {
                server = starter.get();
            }
            return server;
        }

        synchronized void closeIfStarted() {
            if (server == null) {
                return;
            }
            try {
                server.close();
            } catch (Exception e) {
                // The JVM is exiting: report and carry on closing the others.
                System.err.println("Could not close " + server + ": " + e);
            }
        }
    }
}
