package io.novatune.trackapi.playback;

import io.novatune.trackapi.signing.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Base64;

/**
 * The playback links track-api hands out for our copies: signed (HMAC-SHA256, a key of their own derived from the
 * cursor secret) and short-lived, naming the track, its owner and the asset — never an object key, so that what is
 * served is decided again, from the track as it is, on every request that presents one.
 */
@Component
public class PlaybackTickets {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a link grants until it expires: one asset of one user's track. */
    public record Ticket(String trackId, String userId, Playback.Asset asset, Instant expiresAt) {
    }

    private record Body(String t, String u, String a, long e) {
    }

    private final SigningKey key;
    private final ObjectMapper json;

    public PlaybackTickets(@Value("${novatune.cursor.secret:}") String secret,
                           @Value("${novatune.security.jwt.secret:}") String jwtSecret, ObjectMapper json) {
        this.key = SigningKey.of(secret, jwtSecret).derive("novatune playback links");
        this.json = json;
    }

    public String issue(Ticket ticket) {
        byte[] body = json.writeValueAsBytes(new Body(ticket.trackId(), ticket.userId(), ticket.asset().name(),
                ticket.expiresAt().getEpochSecond()));
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(key.sign(body));
    }

    /** @throws InvalidPlaybackLinkException when we did not sign it, or it expired before {@code now} */
    public Ticket redeem(String token, Instant now) {
        Body body;
        try {
            int dot = token.indexOf('.');
            byte[] bytes = DECODER.decode(token.substring(0, Math.max(dot, 0)));
            if (dot < 0 || !key.signed(bytes, DECODER.decode(token.substring(dot + 1)))) {
                throw new InvalidPlaybackLinkException("was not made by us");
            }
            body = json.readValue(bytes, Body.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidPlaybackLinkException("was not made by us");
        }
        Ticket ticket = new Ticket(body.t(), body.u(), Playback.Asset.valueOf(body.a()), Instant.ofEpochSecond(body.e()));
        if (!now.isBefore(ticket.expiresAt())) {
            throw new InvalidPlaybackLinkException("expired at " + ticket.expiresAt());
        }
        return ticket;
    }
}
