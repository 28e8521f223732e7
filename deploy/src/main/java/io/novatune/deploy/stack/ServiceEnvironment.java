package io.novatune.deploy.stack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.infra.KafkaServer;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;

/** The environment variables through which a service finds the stack (the contract the services read). */
final class ServiceEnvironment {

    /**
     * Where the stack's servers answer. A record of plain values, so that the production manifests can be checked
     * against the same variables without starting any server.
     */
    record Endpoints(String kafkaBootstrapServers, URI s3Endpoint, String s3AccessKey, String s3SecretKey,
                     String s3Region, String postgresHost, int postgresPort, String postgresUsername,
                     String postgresPassword) {

        static Endpoints of(LocalInfrastructure infrastructure) {
            KafkaServer kafka = infrastructure.kafka();
            S3Server s3 = infrastructure.s3();
            PostgresServer postgres = infrastructure.postgres();
            return new Endpoints(kafka.bootstrapServers(), s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region(),
                    postgres.host(), postgres.port(), postgres.username(), postgres.password());
        }

        /** Without the secret key and the password: endpoints end up in logs and test reports, secrets must not. */
        @Override
        public String toString() {
            return "Endpoints[kafkaBootstrapServers=" + kafkaBootstrapServers + ", s3Endpoint=" + s3Endpoint + ", s3AccessKey=" + s3AccessKey
                    + ", s3SecretKey=(hidden), s3Region=" + s3Region + ", postgresHost=" + postgresHost + ", postgresPort=" + postgresPort
                    + ", postgresUsername=" + postgresUsername + ", postgresPassword=(hidden)]";
        }
    }

    private ServiceEnvironment() {
    }

    static Map<String, String> of(StackService service, LocalInfrastructure infrastructure, String jwtSecret) {
        return of(service, Endpoints.of(infrastructure), jwtSecret);
    }

    static Map<String, String> of(StackService service, Endpoints endpoints, String jwtSecret) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SERVER_PORT", Integer.toString(service.port()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        environment.put("NOVATUNE_S3_ENDPOINT", endpoints.s3Endpoint().toString());
        environment.put("NOVATUNE_S3_ACCESS_KEY", endpoints.s3AccessKey());
        environment.put("NOVATUNE_S3_SECRET_KEY", endpoints.s3SecretKey());
        environment.put("NOVATUNE_S3_REGION", endpoints.s3Region());
        environment.put("NOVATUNE_S3_BUCKET", LocalInfrastructure.BUCKET);
        environment.put("NOVATUNE_SECURITY_JWT_SECRET", jwtSecret);
        service.database().ifPresent(database -> {
            environment.put("NOVATUNE_DATABASE_HOST", endpoints.postgresHost());
            environment.put("NOVATUNE_DATABASE_PORT", Integer.toString(endpoints.postgresPort()));
            environment.put("NOVATUNE_DATABASE_NAME", database);
            environment.put("NOVATUNE_DATABASE_USERNAME", endpoints.postgresUsername());
            environment.put("NOVATUNE_DATABASE_PASSWORD", endpoints.postgresPassword());
        });
        return environment;
    }
}
