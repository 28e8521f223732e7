package io.novatune.trackapi.album;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No album with this id in this user's library; another user's answers the same. */
public class AlbumNotFoundException extends ErrorResponseException {

    public AlbumNotFoundException(String albumId) {
        super(HttpStatus.NOT_FOUND, problem(albumId), null);
    }

    private static ProblemDetail problem(String albumId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Album " + albumId + " was not found.");
        problem.setType(ProblemTypes.of("album-not-found"));
        problem.setTitle("Album not found");
        return problem;
    }
}
