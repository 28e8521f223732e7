package io.novatune.trackapi.quota;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/me/quota}: {@code usedBytes}, {@code limitBytes}, {@code trackCount} of the caller. */
@RestController
public class QuotaController {

    private final Quotas quotas;

    public QuotaController(Quotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping("/api/v1/me/quota")
    public Mono<QuotaUsage> quota(@AuthenticationPrincipal Jwt caller) {
        return quotas.usage(caller.getSubject());
    }
}
