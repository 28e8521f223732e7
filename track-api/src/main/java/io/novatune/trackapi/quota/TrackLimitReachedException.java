package io.novatune.trackapi.quota;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Adding this many tracks would take the user past the tracks a library may hold. */
public class TrackLimitReachedException extends ErrorResponseException {

    public TrackLimitReachedException(long tracks, long requested, long limit) {
        super(HttpStatus.FORBIDDEN, problem(tracks, requested, limit), null);
    }

    private static ProblemDetail problem(long tracks, long requested, long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your library holds " + tracks
                + " of at most " + limit + " tracks; adding " + requested + " more would pass that. Tracks in the trash"
                + " count until they are permanently deleted.");
        problem.setType(ProblemTypes.of("track-limit-reached"));
        problem.setTitle("Track limit reached");
        problem.setProperty("trackCount", tracks);
        problem.setProperty("trackLimit", limit);
        problem.setProperty("requestedTracks", requested);
        return problem;
    }
}
