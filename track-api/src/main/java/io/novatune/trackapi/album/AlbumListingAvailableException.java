package io.novatune.trackapi.album;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code refresh-listing} of an album whose tracks are in already: 409, nothing is fetched or published. */
public class AlbumListingAvailableException extends ErrorResponseException {

    public AlbumListingAvailableException(String albumId) {
        super(HttpStatus.CONFLICT, problem(albumId), null);
    }

    private static ProblemDetail problem(String albumId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The track listing of album " + albumId + " is available already.");
        problem.setType(ProblemTypes.of("album-listing-available"));
        problem.setTitle("Listing available already");
        return problem;
    }
}
