package io.novatune.trackapi.library;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A cursor we did not issue, or issued for another ordering: the client must start again from page one. */
public class InvalidCursorException extends ErrorResponseException {

    public InvalidCursorException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The cursor is not valid for this listing. Request the first page again without a cursor.");
        problem.setType(ProblemTypes.of("invalid-cursor"));
        problem.setTitle("Invalid cursor");
        return problem;
    }
}
