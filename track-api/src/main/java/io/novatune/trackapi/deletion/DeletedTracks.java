package io.novatune.trackapi.deletion;

import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStatus;

/** What a read of one of the owner's tracks answers once the track was deleted. */
public final class DeletedTracks {

    private DeletedTracks() {
    }

    /**
     * The track itself while it is visible; otherwise a {@link TrackGoneException}: with
     * {@code restoreUntil} while {@code DELETED}, without it once {@code PURGING} or
     * {@code DELETE_FAILED} (the owner knows the id, so 410 says "gone for good" rather than 404's
     * "never existed"; after the purge the row is gone and the answer is 404).
     */
    public static Track requireVisible(Track track) {
        if (track.visible()) {
            return track;
        }
        boolean restorable = track.status() == TrackStatus.DELETED && track.deletion() != null;
        throw new TrackGoneException(track.id(), restorable ? track.deletion().scheduledDeletionAt() : null);
    }
}
