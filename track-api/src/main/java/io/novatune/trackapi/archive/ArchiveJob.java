package io.novatune.trackapi.archive;

import io.novatune.platform.net.LinkRedaction;
import io.novatune.trackapi.track.ArchiveState;
import io.novatune.trackapi.track.ArchiveStatus;
import io.novatune.trackapi.track.ProviderLinks;
import io.novatune.trackapi.track.Track;

import java.time.Instant;

/**
 * One provider track's archiving, as operators see it.
 *
 * @param urgent    the links expire within {@code novatune.archive.urgent-within}
 * @param dueAt     when the timer sends the next attempt; null once it will not
 * @param provider  the provider's links, query strings redacted (a signed link's query is a credential)
 * @param stored    our copies' object keys, where some exist
 */
public record ArchiveJob(
        String trackId,
        String userId,
        String title,
        ArchiveStatus status,
        boolean urgent,
        int attempts,
        String lastError,
        Provider provider,
        Stored stored,
        Instant createdAt,
        Instant updatedAt,
        Instant dueAt,
        Instant expiresAt) {

    public record Provider(String name, String audioUrl, String coverUrl, String videoUrl) {
    }

    public record Stored(String audioKey, String coverKey, String videoKey) {
    }

    static ArchiveJob of(Track track, Instant expiresAt, Instant now, Instant urgentBefore) {
        ArchiveState archive = track.archive();
        ProviderLinks links = track.provider();
        ArchiveStatus status = ArchiveStatus.of(archive, expiresAt, now);
        return new ArchiveJob(track.id(), track.userId(), track.metadata().title(), status,
                status == ArchiveStatus.PENDING && !expiresAt.isAfter(urgentBefore),
                archive == null ? 0 : archive.attempts(),
                archive == null ? null : archive.lastError(),
                new Provider(links.name(), redacted(links.audioUrl()), redacted(links.coverUrl()),
                        redacted(links.videoUrl())),
                archive == null ? new Stored(null, null, null)
                        : new Stored(archive.audioKey(), archive.coverKey(), archive.videoKey()),
                track.createdAt(), track.updatedAt(),
                archive == null ? null : archive.dueAt(),
                expiresAt);
    }

    private static String redacted(String link) {
        return link == null ? null : LinkRedaction.redacted(link);
    }
}
