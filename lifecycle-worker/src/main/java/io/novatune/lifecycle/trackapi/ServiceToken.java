package io.novatune.lifecycle.trackapi;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact HS256 JWT, as track-api's local/test decoder verifies them. A dozen lines instead of a JOSE library:
 * this service only ever signs, with one algorithm and a fixed header.
 */
public final class ServiceToken {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final int MIN_SECRET_BYTES = 32;

    private ServiceToken() {
    }

    public static String sign(String secret, String subject, String audience, List<String> roles, Instant issuedAt,
                              Duration ttl, ObjectMapper json) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("roles", roles);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(ttl).getEpochSecond());
        try {
            String signingInput = HEADER + "." + BASE64URL.encodeToString(json.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (JacksonException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a service token", e);
        }
    }
}
