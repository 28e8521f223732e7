package io.novatune.trackapi.library;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Turns a page cursor into an opaque token and back. The token is signed (HMAC-SHA256), so a
 * client can neither read meaning into it nor forge one that points elsewhere.
 */
@Component
public class CursorCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ObjectMapper json;

    public CursorCodec(@Value("${novatune.cursor.secret:}") String secret,
                       @Value("${novatune.security.jwt.secret:}") String jwtSecret, ObjectMapper json) {
        this.key = cursorKey(secret, jwtSecret);
        this.json = json;
    }

    /**
     * The cursor secret; where none is set and tokens are HS256 (the local stack, tests), a key derived from the
     * token secret, never that key itself. Production verifies tokens by JWKS and must set the cursor secret:
     * without it a replica would either sign with a key anyone can read in our sources, or disagree with the others.
     */
    static SecretKeySpec cursorKey(String cursorSecret, String jwtSecret) {
        if (!cursorSecret.isBlank()) {
            return new SecretKeySpec(cursorSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }
        if (!jwtSecret.isBlank()) {
            byte[] derived = hmac(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                    "novatune page cursors".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "HmacSHA256");
        }
        throw new IllegalStateException("novatune.cursor.secret (env NOVATUNE_CURSOR_SECRET) is not set: page cursors"
                + " are signed with it, and every replica needs the same one");
    }

    private record Token(String s, boolean d, String v, String i) {
    }

    public String encode(PageCursor cursor) {
        try {
            byte[] body = json.writeValueAsBytes(
                    new Token(cursor.sortBy().apiName(), cursor.descending(), cursor.lastValue(), cursor.lastId()));
            return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
        } catch (JacksonException e) {
            throw new IllegalStateException("A cursor could not be written", e);
        }
    }

    /** @throws InvalidCursorException when the token was not made by us, or not for this ordering */
    public PageCursor decode(String token, SortField sortBy, boolean descending) {
        try {
            int dot = token.indexOf('.');
            if (dot < 0) {
                throw new InvalidCursorException();
            }
            byte[] body = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(body))) {
                throw new InvalidCursorException();
            }
            Token decoded = json.readValue(body, Token.class);
            PageCursor cursor = new PageCursor(SortField.fromApiName(decoded.s()), decoded.d(), decoded.v(), decoded.i());
            if (cursor.sortBy() != sortBy || cursor.descending() != descending) {
                throw new InvalidCursorException();
            }
            return cursor;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidCursorException();
        }
    }

    private byte[] sign(byte[] body) {
        return hmac(key, body);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
