package io.novatune.trackapi.deletion;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Instant;

/**
 * The owner asked for a track they deleted: 410, with {@code restoreUntil} while it can still be
 * restored. Once its purge has begun there is nothing to restore, and the property is absent.
 */
public class TrackGoneException extends ErrorResponseException {

    public TrackGoneException(String trackId, Instant restoreUntil) {
        super(HttpStatus.GONE, problem(trackId, restoreUntil), null);
    }

    private static ProblemDetail problem(String trackId, Instant restoreUntil) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, restoreUntil == null
                ? "Track " + trackId + " was deleted and is being permanently removed."
                : "Track " + trackId + " was deleted. It can be restored until " + restoreUntil + ".");
        problem.setType(URI.create("https://novatune.io/problems/track-deleted"));
        problem.setTitle("Track deleted");
        if (restoreUntil != null) {
            problem.setProperty("restoreUntil", restoreUntil);
        }
        return problem;
    }
}
