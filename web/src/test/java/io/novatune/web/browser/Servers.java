package io.novatune.web.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.web.WebApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real stack per test JVM: the embedded PostgreSQL, Kafka and S3Proxy, the real track-api jar in a child JVM
 * (profile {@code local}, so {@code POST /api/v1/dev/token} signs in), and the web app in this JVM routing to it.
 */
final class Servers {

    static final String JWT_SECRET = "web-browser-tests-secret-0123456789abcdef0123456789";
    private static final String BUCKET = "novatune-media";

    private static Servers instance;

    private final ChildJvm trackApi;
    private final URI trackApiUrl;
    private final ConfigurableApplicationContext web;
    private final URI webUrl;

    private Servers() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        KafkaServer kafka = SharedInfrastructure.kafka();
        S3Server s3 = SharedInfrastructure.s3();
        postgres.ensureDatabase("tracks");
        s3.createBucket(BUCKET);
        int trackApiPort = FreePort.pick();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SERVER_PORT", Integer.toString(trackApiPort));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("NOVATUNE_S3_ENDPOINT", s3.endpoint().toString());
        environment.put("NOVATUNE_S3_ACCESS_KEY", s3.accessKey());
        environment.put("NOVATUNE_S3_SECRET_KEY", s3.secretKey());
        environment.put("NOVATUNE_S3_REGION", s3.region());
        environment.put("NOVATUNE_S3_BUCKET", BUCKET);
        environment.put("NOVATUNE_SECURITY_JWT_SECRET", JWT_SECRET);
        environment.put("NOVATUNE_DATABASE_HOST", postgres.host());
        environment.put("NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()));
        environment.put("NOVATUNE_DATABASE_NAME", "tracks");
        environment.put("NOVATUNE_DATABASE_USERNAME", postgres.username());
        environment.put("NOVATUNE_DATABASE_PASSWORD", postgres.password());
        trackApi = ChildJvm.runJar(Path.of(System.getProperty("novatune.track-api.jar", "../track-api/target/track-api.jar")),
                java.util.List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), environment,
                ChildOutput.printedAs("track-api " + trackApiPort));
        trackApiUrl = URI.create("http://127.0.0.1:" + trackApiPort);
        Runtime.getRuntime().addShutdownHook(new Thread(trackApi::close, "track-api-stop"));

        int webPort = FreePort.pick();
        web = SpringApplication.run(WebApplication.class,
                "--server.port=" + webPort,
                "--NOVATUNE_WEB_TRACK_API_URL=" + trackApiUrl);
        webUrl = URI.create("http://localhost:" + webPort);
        Runtime.getRuntime().addShutdownHook(new Thread(web::close, "web-stop"));
        trackApi.awaitHttpOk(trackApiUrl.resolve("/actuator/health/readiness"), Duration.ofSeconds(120));
    }

    static synchronized Servers get() {
        if (instance == null) {
            instance = new Servers();
        }
        return instance;
    }

    URI trackApiUrl() {
        return trackApiUrl;
    }

    URI webUrl() {
        return webUrl;
    }
}
