package io.novatune.archiver;

import io.novatune.events.ArchiveDue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** {@code ArchiveDue} as track-api's timer publishes it, for tracks and users of the test's own. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    public static ArchiveDue due(String trackId, String userId, String audio, String cover, String video) {
        return ArchiveDue.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(trackId)
                .setUserId(userId)
                .setAttempt(1)
                .setProviderName(ArchiverIntegrationTest.PROVIDER)
                .setAudioUrl(audio)
                .setCoverUrl(cover)
                .setVideoUrl(video)
                .setProviderExpiresAt(Instant.now().plus(Duration.ofDays(2)))
                .build();
    }
}
