package io.novatune.trackapi.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The HMAC-SHA256 key that signs what track-api hands out and takes back unchanged (page cursors, playback links),
 * so that a client can neither read meaning into them nor forge one.
 */
public final class SigningKey {

    private final SecretKeySpec key;

    private SigningKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * The cursor secret; where none is set and tokens are HS256 (the local stack, tests), a key derived from the
     * token secret, never that key itself. Production verifies tokens by JWKS and must set the cursor secret:
     * without it a replica would either sign with a key anyone can read in our sources, or disagree with the others.
     */
    public static SigningKey of(String cursorSecret, String jwtSecret) {
        if (!cursorSecret.isBlank()) {
            return new SigningKey(cursorSecret.getBytes(StandardCharsets.UTF_8));
        }
        if (!jwtSecret.isBlank()) {
            return new SigningKey(jwtSecret.getBytes(StandardCharsets.UTF_8)).derive("novatune page cursors");
        }
        throw new IllegalStateException("novatune.cursor.secret (env NOVATUNE_CURSOR_SECRET) is not set: page cursors"
                + " and playback links are signed with it, and every replica needs the same one");
    }

    /** A key of its own for one purpose, so that a token of one kind is never valid as another. */
    public SigningKey derive(String purpose) {
        return new SigningKey(sign(purpose.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** In constant time. */
    public boolean signed(byte[] body, byte[] signature) {
        return MessageDigest.isEqual(signature, sign(body));
    }
}
