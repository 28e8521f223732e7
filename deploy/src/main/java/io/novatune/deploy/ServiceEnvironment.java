package io.novatune.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.infra.KafkaServer;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;

/** The environment variables through which a service finds the stack (the contract the services read). */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(StackService service, LocalInfrastructure infrastructure, String jwtSecret) {
        KafkaServer kafka = infrastructure.kafka();
        S3Server s3 = infrastructure.s3();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SERVER_PORT", Integer.toString(service.port()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("NOVATUNE_S3_ENDPOINT", s3.endpoint().toString());
        environment.put("NOVATUNE_S3_ACCESS_KEY", s3.accessKey());
        environment.put("NOVATUNE_S3_SECRET_KEY", s3.secretKey());
        environment.put("NOVATUNE_S3_REGION", s3.region());
        environment.put("NOVATUNE_S3_BUCKET", LocalInfrastructure.BUCKET);
        environment.put("NOVATUNE_SECURITY_JWT_SECRET", jwtSecret);
        service.database().ifPresent(database -> {
            PostgresServer postgres = infrastructure.postgres();
            environment.put("NOVATUNE_DATABASE_HOST", postgres.host());
            environment.put("NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()));
            environment.put("NOVATUNE_DATABASE_NAME", database);
            environment.put("NOVATUNE_DATABASE_USERNAME", postgres.username());
            environment.put("NOVATUNE_DATABASE_PASSWORD", postgres.password());
        });
        return environment;
    }
}
