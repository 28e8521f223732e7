package io.novatune.trackapi.quota;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Storing this many more bytes would take the user past their quota. */
public class QuotaExceededException extends ErrorResponseException {

    public QuotaExceededException(Quota quota, long requestedBytes) {
        super(HttpStatus.FORBIDDEN, problem(quota, requestedBytes), null);
    }

    private static ProblemDetail problem(Quota quota, long requestedBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "This upload needs at least " + requestedBytes + " bytes, and " + quota.availableBytes()
                        + " of your " + quota.limitBytes() + " bytes are available.");
        problem.setType(ProblemTypes.of("quota-exceeded"));
        problem.setTitle("Storage quota exceeded");
        problem.setProperty("usedBytes", quota.usedBytes());
        problem.setProperty("limitBytes", quota.limitBytes());
        problem.setProperty("requestedBytes", requestedBytes);
        return problem;
    }
}
