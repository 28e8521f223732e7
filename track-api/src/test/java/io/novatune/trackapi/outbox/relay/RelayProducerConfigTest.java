package io.novatune.trackapi.outbox.relay;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RelayProducerConfigTest {

    @Test
    void the_relay_reaches_kafka_with_the_clusters_security_settings_but_keeps_its_own_delivery_guarantees() {
        Map<String, Object> cluster = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093",
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                // Settings meant for the application's own producers, which would break the relay's guarantees.
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "track-api-tx-");

        Map<String, Object> config = OutboxRelay.producerConfig(new RelaySettings("replica-1", "db", 5432, "tracks",
                "user", "secret", "slot", "publication", 1L, Duration.ofSeconds(10), Duration.ofSeconds(1), cluster));

        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093")
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }
}
