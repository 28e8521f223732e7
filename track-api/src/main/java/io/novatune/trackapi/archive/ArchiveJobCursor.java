package io.novatune.trackapi.archive;

import io.novatune.trackapi.library.InvalidCursorException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of archive jobs ended: the last job's expiry and track id (the order is expiry, then id). Opaque to
 * clients; not signed, as only admins page here and any position they could forge they may see anyway.
 */
record ArchiveJobCursor(Instant expiresAt, String trackId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((expiresAt + "|" + trackId).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page). */
    static ArchiveJobCursor decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0 || bar == text.length() - 1) {
                throw new InvalidCursorException();
            }
            return new ArchiveJobCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidCursorException();
        }
    }
}
