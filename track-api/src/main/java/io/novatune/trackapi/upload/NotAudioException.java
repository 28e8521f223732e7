package io.novatune.trackapi.upload;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The file part does not declare an audio media type. */
public class NotAudioException extends ErrorResponseException {

    public NotAudioException(String contentType) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem(contentType), null);
    }

    private static ProblemDetail problem(String contentType) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The file part must have an audio Content-Type such as audio/mpeg or audio/flac, not "
                        + (contentType == null ? "none" : contentType) + ".");
        problem.setType(ProblemTypes.of("not-audio"));
        problem.setTitle("Not an audio file");
        return problem;
    }
}
