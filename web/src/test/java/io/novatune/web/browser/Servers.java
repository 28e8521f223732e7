package io.novatune.web.browser;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import io.novatune.infra.FreePort;
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
    private static final String BUCKET = "novatune-media";

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
        trackApi = TrackApiJar.start(TrackApiJar.Settings.of("tracks", BUCKET, JWT_SECRET)
                .with("SPRING_PROFILES_ACTIVE", "local")
                .with("NOVATUNE_UPLOADS_MAX_FILE_SIZE", MAX_FILE_SIZE)
                .with("NOVATUNE_QUOTA_DEFAULT_LIMIT", STORAGE_QUOTA));
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

    TrackApiJar trackApi() {
        return trackApi;
    }

    URI webUrl() {
        return webUrl;
    }
}
