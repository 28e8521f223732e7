package io.novatune.trackapi.deletion;

import io.novatune.platform.problem.ProblemTypes;
import io.novatune.trackapi.track.TrackStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An admin retry of a purge that has not given up. */
public class PurgeNotFailedException extends ErrorResponseException {

    public PurgeNotFailedException(String trackId, TrackStatus status) {
        super(HttpStatus.CONFLICT, problem(trackId, status), null);
    }

    private static ProblemDetail problem(String trackId, TrackStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Track " + trackId + " is " + status + "; only a DELETE_FAILED purge can be retried.");
        problem.setType(ProblemTypes.of("purge-not-failed"));
        problem.setTitle("Purge not failed");
        problem.setProperty("trackStatus", status.name());
        return problem;
    }
}
