package io.novatune.trackapi.web;

import tools.jackson.databind.JsonNode;
import io.novatune.trackapi.library.LibraryStore;
import io.novatune.trackapi.outbox.Traceparents;
import io.novatune.trackapi.track.TrackLibrary;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final LibraryStore libraryStore;
    private final CursorCodec cursors;
    private final MergePatchReader patches;
    private final Traceparents traceparents;

    public TrackController(TrackLibrary library, LibraryStore libraryStore, CursorCodec cursors,
                           MergePatchReader patches, Traceparents traceparents) {
        this.library = library;
        this.libraryStore = libraryStore;
        this.cursors = cursors;
        this.patches = patches;
        this.traceparents = traceparents;
    }

    @GetMapping
    public Mono<TrackPageResponse> list(@AuthenticationPrincipal Jwt caller, @Valid @ModelAttribute @ParameterObject ListTracksParams params) {
        return Mono.fromCallable(() -> params.toQuery(caller.getSubject(), cursors))
                .flatMap(libraryStore::page)
                .map(page -> new TrackPageResponse(
                        page.items().stream().map(TrackResponse::of).toList(),
                        page.hasMore() ? cursors.encode(page.next()) : null,
                        page.hasMore()));
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
                        .body(TrackResponse.of(track)));
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
                        .body(TrackResponse.of(track)));
    }

    @GetMapping("/{id}")
    public Mono<ResponseEntity<TrackResponse>> get(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return library.find(caller.getSubject(), id)
                .map(track -> ResponseEntity.ok()
                        .eTag(Long.toString(track.version()))
                        .body(TrackResponse.of(track)));
    }
}
