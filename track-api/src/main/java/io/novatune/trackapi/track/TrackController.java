package io.novatune.trackapi.track;

import io.novatune.platform.tracing.Traceparents;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/tracks")
public class TrackController {

    private final TrackLibrary library;
    private final MergePatchReader patches;
    private final Traceparents traceparents;
    private final TrackResponses responses;

    public TrackController(TrackLibrary library, MergePatchReader patches, Traceparents traceparents,
                           TrackResponses responses) {
        this.library = library;
        this.patches = patches;
        this.traceparents = traceparents;
        this.responses = responses;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TrackResponse>> add(@AuthenticationPrincipal Jwt caller,
                                                   @Valid @RequestBody AddTrackRequest request,
                                                   UriComponentsBuilder uri) {
        String traceparent = traceparents.current();
        String userId = caller.getSubject();
        var added = request.fromProvider()
                ? library.addProviderTrack(request.toProviderCommand(userId), traceparent)
                : library.addCatalogTrack(request.toCatalogCommand(userId), traceparent);
        return added
                .map(track -> ResponseEntity
                        .created(uri.path("/api/v1/tracks/{id}").buildAndExpand(track.id()).toUri())
                        .eTag(Long.toString(track.version()))
                        .body(responses.of(track)));
    }

    /** RFC 7396 merge patch of the metadata; {@code If-Match} with the ETag guards against lost updates. */
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    public Mono<ResponseEntity<TrackResponse>> patch(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
                                                     @RequestBody JsonNode patch,
                                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String traceparent = traceparents.current();
        return Mono.fromCallable(() -> patches.read(caller.getSubject(), id, patch, ifMatch))
                .flatMap(command -> library.updateMetadata(command, traceparent))
                .map(track -> ResponseEntity.ok()
                        .eTag(Long.toString(track.version()))
                        .body(responses.of(track)));
    }

    @GetMapping("/{id}")
    public Mono<ResponseEntity<TrackResponse>> get(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return library.find(caller.getSubject(), id)
                .map(track -> ResponseEntity.ok()
                        .eTag(Long.toString(track.version()))
                        .body(responses.of(track)));
    }
}
