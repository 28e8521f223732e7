package io.novatune.web.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /config.json}: what the single-page app reads before it shows anything, so one build of the static
 * files serves every environment. A static host in production serves the same document as a file.
 */
@RestController
class ClientConfigController {

    private final SignInSettings signIn;

    ClientConfigController(SignInSettings signIn) {
        this.signIn = signIn;
    }

    @GetMapping(path = "/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> config() {
        Map<String, Object> sign = new LinkedHashMap<>();
        sign.put("dev", signIn.dev());
        if (signIn.oidc()) {
            Map<String, Object> oidc = new LinkedHashMap<>();
            oidc.put("issuer", signIn.issuer());
            oidc.put("clientId", signIn.clientId());
            oidc.put("scope", signIn.scope());
            if (signIn.audience() != null && !signIn.audience().isBlank()) {
                oidc.put("audience", signIn.audience());
            }
            sign.put("oidc", oidc);
        } else {
            sign.put("oidc", null);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("signIn", sign));
    }
}
