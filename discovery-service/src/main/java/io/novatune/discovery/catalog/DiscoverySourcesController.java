package io.novatune.discovery.catalog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/discovery/sources/{tracklistId}}: what was discovered in one of the user's mixes. */
@RestController
public class DiscoverySourcesController {

    private final Catalog catalog;

    public DiscoverySourcesController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/discovery/sources/{tracklistId}")
    public Mono<MixSources> sources(@AuthenticationPrincipal Jwt user, @PathVariable String tracklistId) {
        return catalog.sources(user.getSubject(), tracklistId);
    }
}
