package io.novatune.discovery.tracklist;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An unknown tracklist, another user's, or an entry position it does not have: 404. */
public class TracklistNotFoundException extends ErrorResponseException {

    public TracklistNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(ProblemTypes.of("tracklist-not-found"));
        problem.setTitle("Tracklist not found");
        return problem;
    }
}
