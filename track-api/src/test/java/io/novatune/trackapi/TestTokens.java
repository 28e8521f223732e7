package io.novatune.trackapi;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Bearer tokens signed like the identity provider would sign them. */
public final class TestTokens {

    /** The audience track-api requires by default ({@code novatune.security.jwt.audience}). */
    public static final String AUDIENCE = "novatune-api";

    private TestTokens() {
    }

    public static String forUser(String userId, String... roles) {
        return signed(claims(userId, roles).build());
    }

    /** The claims of a valid token for an hour, for a test to change one of them. */
    public static JwtClaimsSet.Builder claims(String userId, String... roles) {
        return JwtClaimsSet.builder()
                .subject(userId)
                .audience(List.of(AUDIENCE))
                .claim("roles", List.of(roles))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS));
    }

    public static String signed(JwtClaimsSet claims) {
        var key = new SecretKeySpec(TrackApiIntegrationTest.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
