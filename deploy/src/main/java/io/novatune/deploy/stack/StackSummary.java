package io.novatune.deploy.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.novatune.events.Topics;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;

/** What the operator needs once the stack is up: where everything is, a token, the logs; then "NovaTune is up". */
record StackSummary(
        List<StackService> services,
        LocalInfrastructure infrastructure,
        List<String> databases,
        Optional<String> devToken,
        DataDirectory data,
        Optional<Path> repositoryRoot) {

    static final String UP_LINE = "NovaTune is up";

    String render() {
        StringBuilder text = new StringBuilder(System.lineSeparator());
        text.append("NovaTune local stack").append(System.lineSeparator());
        if (services.isEmpty()) {
            line(text, "services", "not started (--no-services)");
        }
        services.stream().filter(service -> service.module().equals(StackService.WEB.module())).findFirst()
                .ifPresent(web -> line(text, "web app", web.baseUrl() + "/   (open in a browser; sign in as any user)"));
        for (StackService service : services) {
            line(text, service.module(), service.baseUrl() + "   health " + service.healthUrl());
        }
        PostgresServer postgres = infrastructure.postgres();
        line(text, "PostgreSQL", postgres.host() + ":" + postgres.port() + "   user " + postgres.username()
                + " / password " + postgres.password() + "   databases " + String.join(", ", databases));
        line(text, "", postgres.jdbcUrl(databases.get(0)));
        line(text, "Kafka", infrastructure.kafka().bootstrapServers() + "   topics " + String.join(", ", Topics.all())
                + " (each with a .DLT, " + TopicSetup.PARTITIONS + " partitions)");
        S3Server s3 = infrastructure.s3();
        line(text, "S3", s3.endpoint() + "   bucket " + LocalInfrastructure.BUCKET + "   region " + s3.region()
                + "   access key " + s3.accessKey() + " / secret " + s3.secretKey() + "   (path-style)");
        if (infrastructure.catalog() != null) {
            line(text, "catalog stand-in", infrastructure.catalog().describe());
        }
        if (infrastructure.musicDatabases() != null) {
            line(text, "music databases", infrastructure.musicDatabases().describe());
        }
        if (infrastructure.provider() != null) {
            line(text, "provider stand-in", infrastructure.provider().describe());
        }
        devToken.ifPresent(token -> {
            line(text, "dev token", "(user " + DevToken.USER_ID + ", role admin; also in " + data.devTokenFile() + ")");
            text.append(token).append(System.lineSeparator());
            line(text, "try", "curl -H \"Authorization: Bearer $(cat " + data.devTokenFile() + ")\" "
                    + services.get(0).baseUrl() + "/api/v1/tracks");
        });
        line(text, "logs", data.logs().toString());
        line(text, "data", data.root() + "   (kept across restarts; --reset wipes it)");
        Path tailTopic = repositoryRoot.map(root -> root.resolve("deploy/scripts/tail-topic")).orElse(Path.of("deploy/scripts/tail-topic"));
        line(text, "tail a topic", tailTopic + " track-added --from-beginning");
        text.append("Ctrl-C stops everything.").append(System.lineSeparator());
        text.append(services.isEmpty() ? UP_LINE + " (infrastructure only)" : UP_LINE);
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-20s %s%n", label, value));
    }
}
