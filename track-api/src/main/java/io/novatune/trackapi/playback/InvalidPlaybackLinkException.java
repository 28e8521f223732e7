package io.novatune.trackapi.playback;

import io.novatune.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 403: a playback link we did not sign, or one that expired; {@code /stream} (or {@code /cover}, {@code /video}) hands out a new one. */
public class InvalidPlaybackLinkException extends ErrorResponseException {

    public InvalidPlaybackLinkException(String why) {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "playback-link-invalid", "Playback link invalid",
                "This playback link " + why + "; ask the track's /stream, /cover or /video for a new one."), null);
    }
}
