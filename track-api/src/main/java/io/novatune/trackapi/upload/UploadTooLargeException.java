package io.novatune.trackapi.upload;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The file is larger than any upload may be. */
public class UploadTooLargeException extends ErrorResponseException {

    public UploadTooLargeException(long maxFileBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, problem(maxFileBytes), null);
    }

    private static ProblemDetail problem(long maxFileBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "An uploaded file may have at most " + maxFileBytes + " bytes.");
        problem.setType(ProblemTypes.of("file-too-large"));
        problem.setTitle("File too large");
        problem.setProperty("maxFileSizeBytes", maxFileBytes);
        return problem;
    }
}
