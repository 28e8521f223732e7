package io.novatune.trackapi.archive;

import io.novatune.events.ArchiveDue;
import io.novatune.trackapi.outbox.OutboxEvent;
import io.novatune.trackapi.track.ProviderLinks;
import io.novatune.trackapi.track.Track;
import java.time.Instant;
import java.util.UUID;

final class ArchiveEvents {

    private static final String AGGREGATE_TYPE = "track";

    private ArchiveEvents() {
    }

    /** {@code attempt} is the row's archive_attempts after the claim: 1 for the first send. */
    static OutboxEvent archiveDue(Track track, Instant expiresAt, Instant at, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        ProviderLinks provider = track.provider();
        ArchiveDue event = ArchiveDue.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setAttempt(track.archive().attempts())
                .setProviderName(provider.name())
                .setAudioUrl(provider.audioUrl())
                .setCoverUrl(provider.coverUrl())
                .setVideoUrl(provider.videoUrl())
                .setProviderExpiresAt(expiresAt)
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, track.id(), event, eventId, traceparent);
    }
}
