package io.novatune.discovery.jobs;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An unknown job, or another user's: 404. */
public class DiscoveryJobNotFoundException extends ErrorResponseException {

    public DiscoveryJobNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No discovery job " + id + ".");
        problem.setType(ProblemTypes.of("discovery-job-not-found"));
        problem.setTitle("Discovery job not found");
        return problem;
    }
}
