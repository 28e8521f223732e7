package io.novatune.trackapi.playback;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The track exists but has no audio anyone can fetch: a catalog track (played in its catalog), or a provider track
 * whose link expired before it was archived. 409: the track's state, not the request, is what is missing.
 */
public class NothingToPlayException extends ErrorResponseException {

    public NothingToPlayException(String trackId, String reason) {
        super(HttpStatus.CONFLICT, problem(trackId, reason), null);
    }

    private static ProblemDetail problem(String trackId, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Track " + trackId + " has no playable audio: " + reason + ".");
        problem.setType(ProblemTypes.of("nothing-to-play"));
        problem.setTitle("Nothing to play");
        return problem;
    }
}
