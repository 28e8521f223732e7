package io.novatune.discovery;

import io.novatune.infra.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureTracing
class DiscoveryServiceStartsTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void it_starts_connects_to_kafka_and_reports_ready() {
        Map<?, ?> readiness = http.getForObject("/actuator/health/readiness", Map.class);

        assertThat(readiness.get("status")).isEqualTo("UP");
        Map<?, ?> kafka = (Map<?, ?>) ((Map<?, ?>) readiness.get("components")).get("kafka");
        assertThat(kafka.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) kafka.get("details")).get("clusterId")).isNotNull();
    }

    @Test
    void it_exposes_prometheus_metrics() {
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes");
    }

    @Test
    void it_pushes_no_metrics_over_otlp_unless_configured_to(@Autowired ApplicationContext context) {
        assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    }
}
