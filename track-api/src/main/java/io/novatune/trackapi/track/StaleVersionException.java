package io.novatune.trackapi.track;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code If-Match} named a version that is no longer current: someone else changed the track first. */
public class StaleVersionException extends ErrorResponseException {

    public StaleVersionException(String trackId, long expected, long current) {
        super(HttpStatus.PRECONDITION_FAILED, problem(trackId, expected, current), null);
    }

    private static ProblemDetail problem(String trackId, long expected, long current) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "Track " + trackId + " is at version " + current + ", not " + expected
                        + ". Read it again and re-apply your change.");
        problem.setType(ProblemTypes.of("stale-version"));
        problem.setTitle("Track changed meanwhile");
        problem.setProperty("currentVersion", current);
        return problem;
    }
}
