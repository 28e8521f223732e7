package io.novatune.trackapi.web;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** A request whose fields are invalid: 400 with every error named, as bean validation answers. */
public class InvalidRequestException extends ErrorResponseException {

    public record FieldError(String field, String message) {
    }

    public InvalidRequestException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setType(ProblemTypes.of("validation-failed"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
