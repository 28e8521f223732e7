package io.novatune.trackapi.deletion;

import io.novatune.platform.problem.InvalidRequestException;
import io.novatune.platform.tracing.Traceparents;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** Operators' view of deletions: stuck purges, their retry, and a user's whole library purged at once. */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminDeletionController {

    private static final int MAX_LIMIT = 200;
    private static final int MAX_AFTER = 64;

    private final Purges purges;
    private final Traceparents traceparents;

    public AdminDeletionController(Purges purges, Traceparents traceparents) {
        this.purges = purges;
        this.traceparents = traceparents;
    }

    /** The states a deletion passes through; a bad value is a 400 problem. */
    public enum DeletionStatus {
        DELETED, PURGING, DELETE_FAILED
    }

    /** Paged by id: pass the last page's {@code nextAfter} as {@code after}; {@code limit} is clamped to 1–200. */
    @GetMapping("/deletions")
    public Mono<DeletionPage> deletions(@RequestParam(defaultValue = "DELETE_FAILED") DeletionStatus status,
                                        @RequestParam(required = false) String after,
                                        @RequestParam(defaultValue = "50") int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        if (after != null && (after.length() > MAX_AFTER || after.codePoints().anyMatch(Character::isISOControl))) {
            // PostgreSQL refuses U+0000 in text: without this, "after=%00" answered 500.
            return Mono.error(new InvalidRequestException("after", "must be a track id from nextAfter"));
        }
        return purges.list(TrackStatus.valueOf(status.name()), after, size)
                .map(DeletionEntry::of)
                .collectList()
                .map(items -> new DeletionPage(items, items.size() < size ? null : items.get(items.size() - 1).trackId()));
    }

    @PostMapping("/tracks/{id}/purge/retry")
    public Mono<ResponseEntity<PurgeRetry>> retryPurge(@PathVariable String id) {
        return purges.retryFailed(id, traceparents.current())
                .map(track -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new PurgeRetry(track.id(), track.status().name(), track.deletion().purgeAttempts())));
    }

    /** "Delete my account": every track of the user, grace period or not. */
    @PostMapping("/users/{userId}/purge")
    public Mono<ResponseEntity<UserPurge>> purgeUser(@PathVariable String userId) {
        return purges.purgeUser(userId, traceparents.current())
                .map(count -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new UserPurge(userId, count)));
    }

    public record DeletionPage(List<DeletionEntry> items, String nextAfter) {
    }

    public record DeletionEntry(String trackId, String userId, String title, String artist, String status,
                                Instant deletedAt, Instant scheduledDeletionAt, Instant purgeRequestedAt,
                                int purgeAttempts, long fileSizeBytes) {

        static DeletionEntry of(Track track) {
            var deletion = track.deletion();
            return new DeletionEntry(track.id(), track.userId(), track.metadata().title(), track.metadata().artist(),
                    track.status().name(),
                    deletion == null ? null : deletion.deletedAt(),
                    deletion == null ? null : deletion.scheduledDeletionAt(),
                    deletion == null ? null : deletion.purgeRequestedAt(),
                    deletion == null ? 0 : deletion.purgeAttempts(),
                    track.fileSizeBytes());
        }
    }

    public record PurgeRetry(String trackId, String status, int attempt) {
    }

    public record UserPurge(String userId, long tracksPurging) {
    }
}
