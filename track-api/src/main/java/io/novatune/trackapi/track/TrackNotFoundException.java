package io.novatune.trackapi.track;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No track with this id in this user's library. Another user's track answers the same, so that
 * ids cannot be probed.
 */
public class TrackNotFoundException extends ErrorResponseException {

    public TrackNotFoundException(String trackId) {
        super(HttpStatus.NOT_FOUND, problem(trackId), null);
    }

    private static ProblemDetail problem(String trackId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Track " + trackId + " was not found.");
        problem.setType(ProblemTypes.of("track-not-found"));
        problem.setTitle("Track not found");
        return problem;
    }
}
