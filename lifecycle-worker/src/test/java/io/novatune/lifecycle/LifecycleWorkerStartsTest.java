package io.novatune.lifecycle;

import io.novatune.testsupport.storage.TestStorage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleWorkerStartsTest extends LifecycleIntegrationTest {

    @Test
    void it_starts_reaches_kafka_and_s3_and_reports_ready() {
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
    void it_exposes_its_deletion_metrics_from_the_start() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);

        assertThat(metrics)
                .contains("jvm_memory_used_bytes")
                .contains("track_physical_deletions_total{result=\"deleted\"}")
                .contains("track_physical_deletions_total{result=\"already_gone\"}")
                .contains("track_physical_deletion_failures_total{reason=\"storage_unreachable\"}")
                .contains("track_physical_deletion_failures_total{reason=\"publish_failed\"}")
                .contains("track_storage_bytes_freed_total{source=\"purge\"}")
                .contains("track_storage_bytes_freed_total{source=\"orphan_sweep\"}")
                .contains("track_visibility_changes_total{change=\"hidden\"}");
    }
}
