package io.novatune.discovery.catalog;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** {@code /api/v1/catalog/tracks}: the user's discovered tracks. Another user's id answers 404, as an unknown one does. */
@RestController
@RequestMapping("/api/v1/catalog/tracks")
public class CatalogController {

    private final Catalog catalog;

    public CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public Mono<CatalogPage> list(@AuthenticationPrincipal Jwt user,
                                  @RequestParam(required = false) String artist,
                                  @RequestParam(required = false) String title,
                                  @RequestParam(required = false) String genre,
                                  @RequestParam(required = false) String label,
                                  @RequestParam(required = false) Instant discoveredAfter,
                                  @RequestParam(required = false) String minConfidence,
                                  @RequestParam(required = false) String method,
                                  @RequestParam(defaultValue = "lastSeen") String sort,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "20") int limit) {
        return catalog.list(user.getSubject(), new CatalogFilter(artist, title, genre, label, discoveredAfter, minConfidence,
                method), sort, cursor, limit);
    }

    @GetMapping("/{id}")
    public Mono<CatalogTrack> get(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return catalog.get(user.getSubject(), id);
    }

    /** Resolves a track by hand, e.g. a provisional match after review: recorded with method {@code manual}. */
    @PostMapping(path = "/{id}/identify", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CatalogTrack> identify(@AuthenticationPrincipal Jwt user, @PathVariable String id,
                                       @Valid @RequestBody IdentifyRequest request) {
        return catalog.identify(user.getSubject(), id, request);
    }
}
