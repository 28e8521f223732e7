package io.novatune.discovery;

import io.micrometer.registry.otlp.OtlpMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryServiceStartsTest extends DiscoveryIntegrationTest {

    @Test
    void it_starts_connects_to_postgresql_and_kafka_and_reports_ready() {
        Map<?, ?> readiness = http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(readiness.get("status")).isEqualTo("UP");
        Map<?, ?> components = (Map<?, ?>) readiness.get("components");
        assertThat(((Map<?, ?>) components.get("r2dbc")).get("status")).isEqualTo("UP");
        Map<?, ?> kafka = (Map<?, ?>) components.get("kafka");
        assertThat(kafka.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) kafka.get("details")).get("clusterId")).isNotNull();
    }

    @Test
    void it_exposes_prometheus_metrics() {
        assertThat(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("jvm_memory_used_bytes");
    }

    @Test
    void it_pushes_no_metrics_over_otlp_unless_configured_to(@Autowired ApplicationContext context) {
        assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    }
}
