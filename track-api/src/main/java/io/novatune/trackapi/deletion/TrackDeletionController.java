package io.novatune.trackapi.deletion;

import io.novatune.trackapi.track.TrackResponse;
import io.novatune.trackapi.track.TrackResponses;
import io.novatune.platform.tracing.Traceparents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Soft delete and restore of the caller's own tracks. DELETE is counted
 * ({@code track_delete_requests_total}) and rate-limited by the web filters.
 */
@RestController
@RequestMapping("/api/v1/tracks/{id}")
public class TrackDeletionController {

    private final TrackDeletion deletion;
    private final Traceparents traceparents;
    private final TrackResponses responses;

    public TrackDeletionController(TrackDeletion deletion, Traceparents traceparents, TrackResponses responses) {
        this.deletion = deletion;
        this.traceparents = traceparents;
        this.responses = responses;
    }

    /** 202: the track is hidden now; its objects go when the grace period is over. */
    @DeleteMapping
    public Mono<ResponseEntity<DeletionResponse>> delete(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return deletion.delete(caller.getSubject(), id, traceparents.current())
                .map(deleted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(DeletionResponse.of(deleted)));
    }

    @PostMapping("/restore")
    public Mono<ResponseEntity<TrackResponse>> restore(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return deletion.restore(caller.getSubject(), id, traceparents.current())
                .map(track -> ResponseEntity.ok()
                        .eTag(Long.toString(track.version()))
                        .body(responses.of(track)));
    }
}
