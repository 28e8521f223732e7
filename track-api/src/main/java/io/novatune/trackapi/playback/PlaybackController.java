package io.novatune.trackapi.playback;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * {@code GET /api/v1/tracks/{id}/stream}, {@code /cover}, {@code /video}: a 302 to where the audio (cover, video) is. The player follows it and fetches the bytes
 * (with ranges) from the object store or the provider, never through this service.
 */
@RestController
public class PlaybackController {

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

    private static ResponseEntity<Void> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(location)
                // The URL is signed for this user and soon expires: no cache may keep or share it.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .build();
    }
}
