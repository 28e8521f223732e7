package io.novatune.discovery.purchaselinks;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Purchase links of one of the user's catalog tracks; another user's track answers 404. */
@RestController
@RequestMapping("/api/v1/catalog/tracks/{id}")
public class PurchaseLinksController {

    private final PurchaseLinkFinder finder;

    public PurchaseLinksController(PurchaseLinkFinder finder) {
        this.finder = finder;
    }

    @GetMapping("/purchase-links")
    public Mono<PurchaseLinks> links(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return finder.links(user.getSubject(), id);
    }

    /** Builds the links again, past the 2 h cache. */
    @PostMapping("/refresh-purchase-links")
    public Mono<PurchaseLinks> refresh(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return finder.refresh(user.getSubject(), id);
    }
}
