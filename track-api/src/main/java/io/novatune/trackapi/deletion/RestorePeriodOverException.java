package io.novatune.trackapi.deletion;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;

/** A restore after the grace period: the track is (or is about to be) permanently deleted. */
public class RestorePeriodOverException extends ErrorResponseException {

    public RestorePeriodOverException(String trackId, Instant scheduledDeletionAt) {
        super(HttpStatus.GONE, problem(trackId, scheduledDeletionAt), null);
    }

    private static ProblemDetail problem(String trackId, Instant scheduledDeletionAt) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, scheduledDeletionAt == null
                ? "Track " + trackId + " can no longer be restored: it is being permanently deleted."
                : "Track " + trackId + " could be restored until " + scheduledDeletionAt
                        + "; it is being permanently deleted.");
        problem.setType(ProblemTypes.of("restore-period-over"));
        problem.setTitle("Restore period over");
        if (scheduledDeletionAt != null) {
            problem.setProperty("restoreUntil", scheduledDeletionAt);
        }
        return problem;
    }
}
