package io.novatune.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

class IngestionSchedulerStartsTest extends IngestionIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void it_starts_connects_to_kafka_and_postgresql_and_reports_ready() {
        Map<?, ?> readiness = http.getForObject("/actuator/health/readiness", Map.class);

        assertThat(readiness.get("status")).isEqualTo("UP");
        Map<?, ?> components = (Map<?, ?>) readiness.get("components");
        Map<?, ?> kafka = (Map<?, ?>) components.get("kafka");
        assertThat(kafka.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) kafka.get("details")).get("clusterId")).isNotNull();
        assertThat(((Map<?, ?>) components.get("db")).get("status")).isEqualTo("UP");
    }

    @Test
    void it_exposes_prometheus_metrics() {
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("jvm_memory_used_bytes", "album_ingestion_batch_total", "ingestion_requests_published_total");
    }
}
