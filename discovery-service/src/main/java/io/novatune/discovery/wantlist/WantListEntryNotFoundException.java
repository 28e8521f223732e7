package io.novatune.discovery.wantlist;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An unknown want-list entry, or another user's: 404. */
public class WantListEntryNotFoundException extends ErrorResponseException {

    public WantListEntryNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No want-list entry " + id + ".");
        problem.setType(ProblemTypes.of("want-list-entry-not-found"));
        problem.setTitle("Want-list entry not found");
        return problem;
    }
}
