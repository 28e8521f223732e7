package io.novatune.archiver;

import io.novatune.events.ArchiveFailed;
import io.novatune.infra.standin.ProviderStandIn;
import io.novatune.standin.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;

import static io.novatune.archiver.TestEvents.due;
import static io.novatune.archiver.TestEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class HostileLinkArchivingTest extends ArchiverIntegrationTest {

    @Test
    void a_signed_link_redirecting_to_a_private_address_fails_for_good_and_its_query_string_is_never_logged(CapturedOutput output) {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio", ProviderStandIn.redirect(302,
                "http://" + TestNames.INTERNAL + ":" + provider.port() + "/admin?token=internal-s3cr3t"));

        kafka.publish(track, due(track, user, provider.link("/" + track + "/audio?X-Amz-Signature=signed-s3cr3t"),
                null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(failed(track)).hasSize(1));
        ArchiveFailed failed = failed(track).get(0);
        assertThat(failed.getRetryable()).isFalse();
        assertThat(failed.getReason()).contains("resolves to a private address (10.0.0.7)")
                .doesNotContain("s3cr3t");
        assertThat(output.getAll()).contains(track).doesNotContain("signed-s3cr3t").doesNotContain("internal-s3cr3t");
        assertThat(storage.keysUnder("tracks-audio/" + user + "/")).isEmpty();
    }
}
