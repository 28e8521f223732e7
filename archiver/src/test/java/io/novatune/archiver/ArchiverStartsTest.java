package io.novatune.archiver;

import io.novatune.testsupport.storage.TestStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiverStartsTest extends ArchiverIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void it_starts_connects_to_kafka_and_s3_and_reports_ready() {
        Map<?, ?> readiness = http.getForObject("/actuator/health/readiness", Map.class);

        assertThat(readiness.get("status")).isEqualTo("UP");
        Map<?, ?> components = (Map<?, ?>) readiness.get("components");
        Map<?, ?> kafka = (Map<?, ?>) components.get("kafka");
        assertThat(kafka.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) kafka.get("details")).get("clusterId")).isNotNull();
        Map<?, ?> s3 = (Map<?, ?>) components.get("s3");
        assertThat(s3.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) s3.get("details")).get("bucket")).isEqualTo(TestStorage.BUCKET);
    }

    @Test
    void it_exposes_prometheus_metrics() {
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("jvm_memory_used_bytes")
                .contains("archive_in_flight")
                .contains("archive_bytes_total");
    }
}
