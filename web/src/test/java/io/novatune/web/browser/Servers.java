package io.novatune.web.browser;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.testsupport.trackapi.TrackApiJar;
import io.novatune.web.WebApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real stack per test JVM: the embedded PostgreSQL, Kafka and S3Proxy, the real track-api jar in a child JVM
 * (profile {@code local}, so {@code POST /api/v1/dev/token} signs in) and the real discovery-service jar in another,
 * both accepting the same HS256 tokens, and the web app in this JVM routing to them.
 */
final class Servers {

    static final String JWT_SECRET = "web-browser-tests-secret-0123456789abcdef0123456789";
    static final String MAX_FILE_SIZE = "512KB";
    static final String STORAGE_QUOTA = "1MB";
    static final String PURGE_RESEND_AFTER = "10s";
    private static final String BUCKET = "novatune-media";
    private static final String TRACK_DATABASE = "tracks";

    private static Servers instance;

    private final TrackApiJar trackApi;
    private final DiscoveryJar discovery;
    private final ConfigurableApplicationContext web;
    private final URI webUrl;

    private Servers() {
        // The two child JVMs start side by side, so that one's waits (migrations, Kafka, readiness polls) overlap the other's.
        CompletableFuture<DiscoveryJar> discoveryStarting =
                CompletableFuture.supplyAsync(() -> DiscoveryJar.start("discovery_web", JWT_SECRET));
        // Small limits, so that a browser test can meet both refusals of an upload with files of a few MiB.
        trackApi = TrackApiJar.start(TrackApiJar.Settings.of(TRACK_DATABASE, BUCKET, JWT_SECRET)
                .with("SPRING_PROFILES_ACTIVE", "local")
                .with("NOVATUNE_UPLOADS_MAX_FILE_SIZE", MAX_FILE_SIZE)
                .with("NOVATUNE_QUOTA_DEFAULT_LIMIT", STORAGE_QUOTA)
                // No lifecycle-worker answers here: a purge gives up after one unanswered send, for the stuck-purge view.
                .with("NOVATUNE_PURGE_MAX_ATTEMPTS", "1")
                .with("NOVATUNE_PURGE_RESEND_AFTER", PURGE_RESEND_AFTER)
                .with("NOVATUNE_TIMERS_INTERVAL", "1s"));
        discovery = discoveryStarting.join();
        int webPort = FreePort.pick();
        web = SpringApplication.run(WebApplication.class,
                "--server.port=" + webPort,
                "--NOVATUNE_WEB_TRACK_API_URL=" + trackApi.baseUrl(),
                "--NOVATUNE_WEB_DISCOVERY_URL=" + discovery.baseUrl());
        webUrl = URI.create("http://localhost:" + webPort);
        Runtime.getRuntime().addShutdownHook(new Thread(web::close, "web-stop"));
    }

    static synchronized Servers get() {
        if (instance == null) {
            instance = new Servers();
        }
        return instance;
    }

    URI trackApiUrl() {
        return trackApi.baseUrl();
    }

    /** track-api's own database, for what a test cannot wait for (a grace period of 30 days). */
    Connection trackDatabase() throws SQLException {
        PostgresServer postgres = SharedInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(TRACK_DATABASE), postgres.username(), postgres.password());
    }

    TrackApiJar trackApi() {
        return trackApi;
    }

    URI webUrl() {
        return webUrl;
    }
}
