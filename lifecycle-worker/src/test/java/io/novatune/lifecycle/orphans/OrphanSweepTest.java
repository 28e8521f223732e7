package io.novatune.lifecycle.orphans;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import io.novatune.lifecycle.TrackApiChild;
import io.novatune.lifecycle.config.LoggingProperties;
import io.novatune.lifecycle.config.ObjectKeyLogging;
import io.novatune.lifecycle.storage.ObjectStore;
import io.novatune.lifecycle.storage.TrackObjectKeys;
import io.novatune.lifecycle.trackapi.SelfSignedServiceToken;
import io.novatune.lifecycle.trackapi.TrackApiProperties;
import io.novatune.lifecycle.trackapi.TrackApiReferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.novatune.lifecycle.TestEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sweep against S3Proxy and the real track-api (a child process) answering which objects are referenced. */
class OrphanSweepTest extends LifecycleIntegrationTest {

    @Autowired
    ObjectStore store;

    @Autowired
    TrackObjectKeys trackKeys;

    @Autowired
    OrphanSweepProperties sweepProperties;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void trackApi() {
        TrackApiChild.ensureStarted();
    }

    @Test
    void the_sweep_deletes_an_unreferenced_old_object_and_keeps_a_referenced_or_young_one() {
        String user = newId("user");
        // An upload through track-api: its track row references the audio object it stored.
        String referenced = "audio/" + user + "/" + TrackApiChild.upload(user, 100);
        String failedUpload = "audio/" + user + "/" + newId("failed-upload");
        String leftoverCover = "tracks-covers/" + user + "/" + newId("purged-track") + ".jpg";
        storage.put(failedUpload, 100);
        storage.put(leftoverCover, 50);
        Instant oldEnough = Instant.now().plus(SAFETY_AGE).plusSeconds(1); // S3 keeps whole seconds
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(oldEnough));
        String youngUpload = "audio/" + user + "/" + newId("upload-in-progress");
        storage.put(youngUpload, 100);
        double sweepsBefore = count("orphan.sweeps", "trigger", "on_demand", "result", "completed");
        double deletedBefore = count("track.objects.deleted", "source", "orphan_sweep");

        ResponseEntity<JsonNode> answer = http.postForEntity("/actuator/orphansweep", null, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();
        assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.get("trigger").asText()).isEqualTo("on_demand");
        assertThat(report.get("referenced").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("young").asLong()).isGreaterThanOrEqualTo(1);
        // Other tests' objects have no track row either: they may be swept along.
        assertThat(report.get("deleted").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(storage.exists(failedUpload)).isFalse();
        assertThat(storage.exists(leftoverCover)).isFalse();
        assertThat(storage.exists(referenced)).isTrue();
        assertThat(storage.exists(youngUpload)).isTrue();
        assertThat(count("orphan.sweeps", "trigger", "on_demand", "result", "completed")).isEqualTo(sweepsBefore + 1);
        assertThat(count("track.objects.deleted", "source", "orphan_sweep")).isGreaterThanOrEqualTo(deletedBefore + 2);
        assertThat(http.getForObject("/actuator/orphansweep", JsonNode.class).get("startedAt").asText())
                .isEqualTo(report.get("startedAt").asText());
    }

    @Test
    void the_sweep_deletes_nothing_when_track_api_refuses_or_cannot_answer() {
        String orphan = "audio/" + newId("user") + "/" + newId("failed-upload");
        storage.put(orphan, 100);
        Instant oldEnough = Instant.now().plus(SAFETY_AGE).plusSeconds(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(oldEnough));

        OrphanSweepReport refused = sweepAsking(new TrackApiProperties(TrackApiChild.baseUrl(), null,
                "a-secret-track-api-does-not-know-0123456789", Duration.ofSeconds(5))).run("test");
        OrphanSweepReport unreachable = sweepAsking(new TrackApiProperties(URI.create("http://127.0.0.1:1"), null,
                TrackApiChild.JWT_SECRET, Duration.ofSeconds(5))).run("test");

        assertThat(refused.status()).isEqualTo(OrphanSweepReport.Status.FAILED);
        assertThat(refused.error()).contains("401");
        assertThat(unreachable.status()).isEqualTo(OrphanSweepReport.Status.FAILED);
        assertThat(refused.deleted() + unreachable.deleted()).isZero();
        assertThat(storage.exists(orphan)).isTrue();
    }

    @Test
    void the_sweep_also_runs_on_its_schedule() {
        // Scheduled here right after startup, then hourly.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("orphan.sweeps", "trigger", "scheduled", "result", "completed")
                        + count("orphan.sweeps", "trigger", "scheduled", "result", "failed") >= 1);
    }

    private OrphanSweep sweepAsking(TrackApiProperties trackApi) {
        var references = new TrackApiReferences(RestClient.builder(), trackApi,
                new SelfSignedServiceToken(trackApi.jwtSecret(), json, Clock.systemUTC()));
        return new OrphanSweep(store, trackKeys, references, sweepProperties,
                new ObjectKeyLogging(new LoggingProperties(false)), Clock.systemUTC(), new SimpleMeterRegistry());
    }
}
