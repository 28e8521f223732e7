package io.novatune.trackapi.track;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;

/** The track was deleted: it answers 410, with the date until which it can still be restored. */
public class TrackGoneException extends ErrorResponseException {

    public TrackGoneException(Track track) {
        super(HttpStatus.GONE, problem(track), null);
    }

    private static ProblemDetail problem(Track track) {
        Instant restoreUntil = track.status() == TrackStatus.DELETED && track.deletion() != null
                ? track.deletion().scheduledDeletionAt()
                : null;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, restoreUntil == null
                ? "Track " + track.id() + " was deleted and can no longer be restored."
                : "Track " + track.id() + " was deleted. It can be restored until " + restoreUntil + ".");
        problem.setType(ProblemTypes.of("track-deleted"));
        problem.setTitle("Track deleted");
        if (restoreUntil != null) {
            problem.setProperty("restoreUntil", restoreUntil);
        }
        return problem;
    }
}
