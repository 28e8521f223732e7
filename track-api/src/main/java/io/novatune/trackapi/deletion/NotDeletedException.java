package io.novatune.trackapi.deletion;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A restore of a track that is not deleted. */
public class NotDeletedException extends ErrorResponseException {

    public NotDeletedException(String trackId) {
        super(HttpStatus.CONFLICT, problem(trackId), null);
    }

    private static ProblemDetail problem(String trackId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Track " + trackId + " is not deleted: there is nothing to restore.");
        problem.setType(ProblemTypes.of("track-not-deleted"));
        problem.setTitle("Track not deleted");
        return problem;
    }
}
