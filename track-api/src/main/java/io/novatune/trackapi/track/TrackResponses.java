package io.novatune.trackapi.track;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** Builds the {@link TrackResponse} of a track as of now: a provider track's archive status depends on the time. */
@Component
public class TrackResponses {

    private final ProviderLinkPolicy links;
    private final Clock clock;

    public TrackResponses(ProviderLinkPolicy links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    public TrackResponse of(Track track) {
        return TrackResponse.of(track, archive(track, clock.instant()));
    }

    private TrackResponse.Archive archive(Track track, Instant now) {
        if (track.source() != TrackSource.PROVIDER || track.provider() == null) {
            return null;
        }
        ArchiveState state = track.archive();
        Instant expiresAt = links.expiryOf(track);
        ArchiveStatus status = ArchiveStatus.of(state, expiresAt, now);
        boolean timerStopped = status == ArchiveStatus.ARCHIVED || status == ArchiveStatus.EXPIRED;
        return new TrackResponse.Archive(status,
                state == null || timerStopped ? null : state.dueAt(),
                state == null ? null : state.archivedAt(),
                expiresAt,
                state == null || status == ArchiveStatus.ARCHIVED ? null : state.lastError());
    }
}
