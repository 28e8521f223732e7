package io.novatune.trackapi.playback;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;

/** The track was deleted: nothing of it is served, though a {@code DELETED} one can be restored until {@code restoreUntil}. */
public class PlaybackGoneException extends ErrorResponseException {

    public PlaybackGoneException(String trackId, Instant restoreUntil) {
        super(HttpStatus.GONE, problem(trackId, restoreUntil), null);
    }

    private static ProblemDetail problem(String trackId, Instant restoreUntil) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, restoreUntil == null
                ? "Track " + trackId + " was deleted and can no longer be restored."
                : "Track " + trackId + " was deleted; restore it before " + restoreUntil + " to play it again.");
        problem.setType(ProblemTypes.of("track-deleted"));
        problem.setTitle("Track deleted");
        if (restoreUntil != null) {
            problem.setProperty("restoreUntil", restoreUntil);
        }
        return problem;
    }
}
