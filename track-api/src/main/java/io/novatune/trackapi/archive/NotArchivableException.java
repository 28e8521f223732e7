package io.novatune.trackapi.archive;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An archive request for a track that has nothing (more) to archive. */
public class NotArchivableException extends ErrorResponseException {

    public NotArchivableException(String trackId, String reason) {
        super(HttpStatus.CONFLICT, problem(trackId, reason), null);
    }

    private static ProblemDetail problem(String trackId, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Track " + trackId + " cannot be archived: " + reason + ".");
        problem.setType(ProblemTypes.of("track-not-archivable"));
        problem.setTitle("Track not archivable");
        return problem;
    }
}
