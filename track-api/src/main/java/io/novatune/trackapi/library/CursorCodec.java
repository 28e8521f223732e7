package io.novatune.trackapi.library;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import io.novatune.trackapi.signing.SigningKey;
import org.springframework.stereotype.Component;

import java.util.Base64;

/**
 * Turns a page cursor into an opaque token and back. The token is signed (HMAC-SHA256), so a
 * client can neither read meaning into it nor forge one that points elsewhere.
 */
@Component
public class CursorCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKey key;
    private final ObjectMapper json;

    public CursorCodec(@Value("${novatune.cursor.secret:}") String secret,
                       @Value("${novatune.security.jwt.secret:}") String jwtSecret, ObjectMapper json) {
        this.key = SigningKey.of(secret, jwtSecret);
        this.json = json;
    }

    private record Token(String s, boolean d, String v, String i) {
    }

    public String encode(PageCursor cursor) {
        try {
            byte[] body = json.writeValueAsBytes(
                    new Token(cursor.sortBy().apiName(), cursor.descending(), cursor.lastValue(), cursor.lastId()));
            return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(key.sign(body));
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
            if (!key.signed(body, signature)) {
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
}
