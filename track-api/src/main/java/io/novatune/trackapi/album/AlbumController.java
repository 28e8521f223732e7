package io.novatune.trackapi.album;

import io.novatune.platform.tracing.Traceparents;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Albums in the caller's library: added with their listing or by their catalog reference, read back with their tracks' ids. */
@RestController
@RequestMapping("/api/v1/library/albums")
public class AlbumController {

    private final AlbumLibrary albums;
    private final AlbumListings listings;
    private final Traceparents traceparents;

    public AlbumController(AlbumLibrary albums, AlbumListings listings, Traceparents traceparents) {
        this.albums = albums;
        this.listings = listings;
        this.traceparents = traceparents;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<AlbumResponse>> add(@AuthenticationPrincipal Jwt caller,
                                                   @Valid @RequestBody AddAlbumRequest request,
                                                   UriComponentsBuilder uri) {
        String traceparent = traceparents.current();
        return albums.add(request.toCommand(caller.getSubject()), traceparent)
                .map(album -> ResponseEntity
                        .created(uri.path("/api/v1/library/albums/{id}").buildAndExpand(album.id()).toUri())
                        .body(AlbumResponse.of(album)));
    }

    /**
     * Fetches the listing of an album that was added while the catalog could not list it: 202 with the album as it is
     * then (its tracks are being scheduled), still {@code UNAVAILABLE} if the catalog failed again.
     */
    @PostMapping("/{id}/refresh-listing")
    public Mono<ResponseEntity<AlbumResponse>> refreshListing(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return listings.refresh(caller.getSubject(), id, traceparents.current())
                .map(album -> ResponseEntity.accepted().body(AlbumResponse.of(album)));
    }

    @GetMapping("/{id}")
    public Mono<AlbumResponse> get(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return albums.find(caller.getSubject(), id).map(AlbumResponse::of);
    }
}
