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

/**
 * {@code GET /api/v1/tracks/{id}/stream}: a 302 to where the audio is. The player follows it and fetches the bytes
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
        return playback.locate(caller.getSubject(), id)
                .map(location -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(location)
                        // The URL is signed for this user and soon expires: no cache may keep or share it.
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .build());
    }
}
