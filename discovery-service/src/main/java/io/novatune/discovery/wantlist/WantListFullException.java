package io.novatune.discovery.wantlist;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request would take the want-list past its limit: 409, and nothing of it was written. */
public class WantListFullException extends ErrorResponseException {

    public WantListFullException(int maxEntries) {
        super(HttpStatus.CONFLICT, problem(maxEntries), null);
    }

    private static ProblemDetail problem(int maxEntries) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A want-list holds at most " + maxEntries + " entries; nothing of this request was written.");
        problem.setType(ProblemTypes.of("want-list-full"));
        problem.setTitle("Want-list full");
        problem.setProperty("maxEntries", maxEntries);
        return problem;
    }
}
