package io.novatune.trackapi.bench;

import io.novatune.events.Topics;
import io.novatune.infra.KafkaOptions;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.PostgresOptions;
import io.novatune.infra.PostgresServer;
import io.novatune.trackapi.TrackApiApplication;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Real PostgreSQL and Kafka, and track-api in this JVM, as the local stack runs them (rate limits off). */
final class BenchmarkStack implements AutoCloseable {

    static final String DATABASE = "tracks_bench";

    final PostgresServer postgres;
    final KafkaServer kafka;
    final ConfigurableApplicationContext app;

    /** @param extraArguments more of the application's command-line arguments, e.g. a benchmark's switch */
    BenchmarkStack(String... extraArguments) {
        postgres = PostgresServer.start(PostgresOptions.forTests());
        postgres.ensureDatabase(DATABASE);
        kafka = KafkaServer.start(KafkaOptions.forTests());
        List<String> topics = new ArrayList<>(Topics.all());
        Topics.all().forEach(topic -> topics.add(Topics.deadLetter(topic)));
        kafka.createTopics(topics, 3);
        // Command-line arguments outrank application.yml (default properties would not).
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--novatune.database.host=" + postgres.host(),
                "--novatune.database.port=" + postgres.port(),
                "--novatune.database.name=" + DATABASE,
                "--novatune.database.username=" + postgres.username(),
                "--novatune.database.password=" + postgres.password(),
                "--novatune.relay.slot-name=" + DATABASE,
                "--novatune.relay.offset-topic=" + DATABASE + "-relay-offsets",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--novatune.security.jwt.secret=" + TrackApiIntegrationTest.JWT_SECRET,
                "--novatune.rate-limits.enabled=false"));
        arguments.addAll(List.of(extraArguments));
        app = new SpringApplicationBuilder(TrackApiApplication.class).run(arguments.toArray(String[]::new));
    }

    int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Override
    public void close() {
        app.close();
        kafka.close();
        postgres.close();
    }
}
