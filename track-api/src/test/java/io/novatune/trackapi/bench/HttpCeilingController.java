package io.novatune.trackapi.bench;

import io.novatune.trackapi.track.AddTrackRequest;
import io.novatune.trackapi.track.CatalogRef;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackMetadata;
import io.novatune.trackapi.track.TrackResponse;
import io.novatune.trackapi.track.TrackResponses;
import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * The write benchmark's ceiling of the HTTP side: {@code POST /api/v1/tracks}'s request through the same server,
 * security (the JWT checked), validation and JSON, answered with the same 201 and body, but no database, outbox or
 * log line. Only in the benchmark's application ({@code novatune.bench.http-ceiling}).
 */
@RestController
@ConditionalOnProperty("novatune.bench.http-ceiling")
class HttpCeilingController {

    static final String PATH = "/api/v1/bench/tracks";

    private final TrackResponses responses;

    HttpCeilingController(TrackResponses responses) {
        this.responses = responses;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TrackResponse>> add(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody AddTrackRequest request,
                                            UriComponentsBuilder uri) {
        Instant now = Instant.now();
        Track track = new Track(UUID.randomUUID().toString(), caller.getSubject(),
                new TrackMetadata(request.title(), request.artist(), request.album(), request.isrc(), request.genre(),
                        request.bpm(), request.musicalKey(), request.durationMs()),
                TrackStatus.READY, TrackSource.CATALOG,
                new CatalogRef(request.catalogRef().service(), request.catalogRef().id()), null, null, null, null, now, now, 0);
        return Mono.just(ResponseEntity.created(uri.path("/api/v1/tracks/{id}").buildAndExpand(track.id()).toUri())
                .eTag("0").body(responses.of(track)));
    }
}
