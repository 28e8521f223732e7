package io.novatune.discovery.tracklist;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Content beyond {@code novatune.tracklists.max-content-size}: 413. */
public class TracklistTooLargeException extends ErrorResponseException {

    public TracklistTooLargeException(long maxBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, problem(maxBytes), null);
    }

    private static ProblemDetail problem(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "A tracklist may have at most " + maxBytes + " bytes.");
        problem.setType(ProblemTypes.of("tracklist-too-large"));
        problem.setTitle("Tracklist too large");
        problem.setProperty("field", "content");
        return problem;
    }
}
