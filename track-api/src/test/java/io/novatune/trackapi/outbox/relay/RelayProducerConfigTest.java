package io.novatune.trackapi.outbox.relay;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RelayProducerConfigTest {

    @Test
    void the_relay_reaches_kafka_with_the_clusters_connection_and_security_settings_and_takes_nothing_else() {
        Map<String, Object> cluster = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093",
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, "/etc/kafka/truststore.p12",
                // Settings meant for the application's own producers; some would stop an idempotent producer.
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.RETRIES_CONFIG, 0,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 10,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "track-api-tx-");

        Map<String, Object> config = OutboxRelay.producerConfig(new RelaySettings("replica-1", "db", 5432, "tracks",
                "user", "secret", "slot", "publication", "slot-relay-offsets", (short) 3, 1L, Duration.ofSeconds(10), Duration.ofSeconds(1), cluster));

        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093")
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                .containsEntry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, "/etc/kafka/truststore.p12")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .doesNotContainKeys(ProducerConfig.RETRIES_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }
}
