package io.novatune.trackapi.identity;

import io.novatune.platform.security.ApiSecurity;
import io.novatune.platform.security.JwtSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import com.nimbusds.jose.jwk.source.ImmutableSecret;

import java.time.Clock;
import java.util.List;

/** Mints tokens for local development. Exists only in the {@code local} profile. */
@RestController
@Profile("local")
public class DevTokenController {

    private final JwtEncoder encoder;
    private final JwtSettings settings;
    private final DevTokenProperties properties;
    private final Clock clock;

    public DevTokenController(JwtSettings settings, DevTokenProperties properties, Clock clock) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            // The endpoint mints any role: it exists only beside the local HS256 decoder, never beside a real issuer.
            throw new IllegalStateException("the local profile's POST /api/v1/dev/token needs novatune.security.jwt.secret;"
                    + " the local profile does not belong where an identity provider issues the tokens");
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(ApiSecurity.hmacKey(settings.secret())));
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    public record DevTokenRequest(@NotBlank String userId, List<String> roles) {
    }

    public record DevTokenResponse(String token) {
    }

    @PostMapping("/api/v1/dev/token")
    public DevTokenResponse token(@Valid @RequestBody DevTokenRequest request) {
        var now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(request.userId())
                .audience(List.of(settings.audience()))
                .claim("roles", request.roles() == null ? List.of() : request.roles())
                .issuedAt(now)
                .expiresAt(now.plus(properties.devTokenTtl()))
                .build();
        return new DevTokenResponse(encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue());
    }
}
