package io.novatune.trackapi.album;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The catalog answered that it has no album with this id (in our country): 422, and nothing is added. */
public class CatalogAlbumUnknownException extends ErrorResponseException {

    public CatalogAlbumUnknownException(String service, String albumId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(service, albumId), null);
    }

    private static ProblemDetail problem(String service, String albumId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The catalog " + service + " has no album " + albumId + ".");
        problem.setType(ProblemTypes.of("catalog-album-not-found"));
        problem.setTitle("Album not in the catalog");
        return problem;
    }
}
