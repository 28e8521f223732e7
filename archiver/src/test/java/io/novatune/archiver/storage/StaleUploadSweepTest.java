package io.novatune.archiver.storage;

import io.novatune.archiver.ArchiverIntegrationTest;
import io.novatune.archiver.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StaleUploadSweepTest extends ArchiverIntegrationTest {

    @Autowired
    ArchiveStore store;

    @Test
    void incomplete_uploads_under_the_archivers_prefixes_older_than_the_age_are_aborted_and_others_are_left_alone() {
        String user = TestEvents.newId("user");
        String stale = "tracks-videos/" + user + "/crashed.mp4";
        String foreign = "exports/" + user + "/someone-elses.zip";
        storage.client().createMultipartUpload(request -> request.bucket(store.bucket()).key(stale));
        storage.client().createMultipartUpload(request -> request.bucket(store.bucket()).key(foreign));
        assertThat(storage.incompleteUploadsUnder("tracks-videos/" + user + "/")).hasSize(1);

        assertThat(store.abortStaleUploads("tracks-videos/", Duration.ofHours(1))).isZero();
        assertThat(storage.incompleteUploadsUnder("tracks-videos/" + user + "/")).hasSize(1);

        store.abortStaleUploads("tracks-videos/", Duration.ZERO.minusSeconds(5));

        assertThat(storage.incompleteUploadsUnder("tracks-videos/" + user + "/")).isEmpty();
        assertThat(storage.incompleteUploadsUnder("exports/" + user + "/")).hasSize(1);
    }
}
