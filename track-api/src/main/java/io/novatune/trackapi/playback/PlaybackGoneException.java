package io.novatune.trackapi.playback;

import io.novatune.platform.problem.ProblemTypes;
import io.novatune.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;

/**
 * 410: the track was deleted (nothing of it is served, though a {@code DELETED} one can be restored until
 * {@code restoreUntil}), or one of its provider assets is lost: the provider's link expired before it was archived.
 */
public class PlaybackGoneException extends ErrorResponseException {

    public PlaybackGoneException(String trackId, Instant restoreUntil) {
        super(HttpStatus.GONE, problem(trackId, restoreUntil), null);
    }

    private PlaybackGoneException(ProblemDetail problem) {
        super(HttpStatus.GONE, problem, null);
    }

    /** The provider's link to the track's {@code asset} (cover, video) expired at {@code expiredAt}, and we have no copy. */
    public static PlaybackGoneException linkExpired(String trackId, String asset, Instant expiredAt) {
        ProblemDetail problem = Problems.of(HttpStatus.GONE, "asset-expired", "Asset expired", "The " + asset
                + " of track " + trackId + " is gone: the provider's link expired at " + expiredAt
                + " before a copy was archived.");
        problem.setProperty("asset", asset);
        problem.setProperty("expiredAt", expiredAt);
        return new PlaybackGoneException(problem);
    }

    private static ProblemDetail problem(String trackId, Instant restoreUntil) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, restoreUntil == null
                ? "Track " + trackId + " was deleted and can no longer be restored."
                : "Track " + trackId + " was deleted; restore it before " + restoreUntil + " to play it again.");
        problem.setType(ProblemTypes.of("track-deleted"));
        problem.setTitle("Track deleted");
        if (restoreUntil != null) {
            problem.setProperty("restoreUntil", restoreUntil);
        }
        return problem;
    }
}
