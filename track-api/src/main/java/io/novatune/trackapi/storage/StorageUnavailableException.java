package io.novatune.trackapi.storage;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The object store did not do what was asked (unreachable, or answered an error): the request may be retried. */
public class StorageUnavailableException extends ErrorResponseException {

    public StorageUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set("Retry-After", "30");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The audio storage is not available right now; please try again shortly.");
        problem.setType(ProblemTypes.of("storage-unavailable"));
        problem.setTitle("Storage unavailable");
        return problem;
    }
}
