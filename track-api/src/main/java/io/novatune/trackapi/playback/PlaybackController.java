package io.novatune.trackapi.playback;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/tracks/{id}/stream}, {@code /cover}, {@code /video}: a 302 to where the audio (cover, video) is —
 * the provider's link, or for our copies a signed, short-lived {@code /api/v1/playback/{link}} that this service serves
 * with ranges and without a token (an audio element sends none), re-checking the track on every request.
 */
@RestController
public class PlaybackController {

    static final String PLAYBACK_PATH = "/api/v1/playback/";

    /** One range of bytes; S3 serves no more than one, and a player asks for no more. */
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d+-\\d*|-\\d+)");

    private final Playback playback;

    public PlaybackController(Playback playback) {
        this.playback = playback;
    }

    @GetMapping("/api/v1/tracks/{id}/stream")
    public Mono<ResponseEntity<Void>> stream(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return playback.locate(caller.getSubject(), id).map(PlaybackController::redirect);
    }

    /** A provider track's cover: our copy, else the provider's link while valid; 410 once lost, 404 if it has none. */
    @GetMapping("/api/v1/tracks/{id}/cover")
    public Mono<ResponseEntity<Void>> cover(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return playback.locate(caller.getSubject(), id, Playback.Asset.COVER).map(PlaybackController::redirect);
    }

    /** A provider track's video, as {@code /cover}. */
    @GetMapping("/api/v1/tracks/{id}/video")
    public Mono<ResponseEntity<Void>> video(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return playback.locate(caller.getSubject(), id, Playback.Asset.VIDEO).map(PlaybackController::redirect);
    }

    /** Our copy's bytes: 200, or 206 for a single range ({@code Range: bytes=…}); other ranges are ignored. */
    @GetMapping(PLAYBACK_PATH + "{link}")
    public Mono<ResponseEntity<Flux<DataBuffer>>> play(@PathVariable String link,
                                                       @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
        String single = range != null && SINGLE_RANGE.matcher(range.strip()).matches() ? range.strip() : null;
        return playback.open(link, single).map(bytes -> {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(bytes.contentRange() == null ? HttpStatus.OK
                            : HttpStatus.PARTIAL_CONTENT)
                    .contentType(bytes.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                            : MediaType.parseMediaType(bytes.contentType()))
                    .contentLength(bytes.contentLength())
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .cacheControl(CacheControl.noStore().cachePrivate());
            if (bytes.contentRange() != null) {
                answer.header(HttpHeaders.CONTENT_RANGE, bytes.contentRange());
            }
            return answer.body(bytes.body());
        });
    }

    private static ResponseEntity<Void> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(location)
                // The link is signed for this user and soon expires: no cache may keep or share it.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .build();
    }
}
