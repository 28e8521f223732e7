package io.novatune.trackapi.playback;

import io.novatune.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the track exists but never had this asset (a catalog or uploaded track's cover, a provider track without a video). */
public class NoSuchAssetException extends ErrorResponseException {

    public NoSuchAssetException(String trackId, String asset) {
        super(HttpStatus.NOT_FOUND, problem(trackId, asset), null);
    }

    private static ProblemDetail problem(String trackId, String asset) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "no-such-asset", "No such asset",
                "Track " + trackId + " has no " + asset + ".");
        problem.setProperty("asset", asset);
        return problem;
    }
}
