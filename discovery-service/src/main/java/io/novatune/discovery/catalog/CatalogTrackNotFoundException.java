package io.novatune.discovery.catalog;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An unknown catalog track, or another user's: 404. */
public class CatalogTrackNotFoundException extends ErrorResponseException {

    public CatalogTrackNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No catalog track " + id + ".");
        problem.setType(ProblemTypes.of("catalog-track-not-found"));
        problem.setTitle("Catalog track not found");
        return problem;
    }
}
