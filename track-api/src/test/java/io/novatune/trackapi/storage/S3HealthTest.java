package io.novatune.trackapi.storage;

import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.trackapi.LibraryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class S3HealthTest extends LibraryIntegrationTest {

    @Test
    void the_bucket_made_at_startup_is_reported_up_and_while_s3_is_unreachable_readiness_fails_and_uploads_answer_503() {
        client().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.s3.status").isEqualTo("UP")
                .jsonPath("$.components.s3.details.bucket").isEqualTo(BUCKET)
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");

        S3Server s3 = SharedInfrastructure.s3();
        s3.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client().get().uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.s3.status").isEqualTo("DOWN"));

            String user = newUser();
            post(user, upload(audio(1000))).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "30")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/storage-unavailable");
            assertThat(trackRowsOf(user)).isZero();
        } finally {
            s3.restart();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client().get().uri("/actuator/health/readiness")
                .exchange().expectStatus().isOk());
    }
}
