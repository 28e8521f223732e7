package io.novatune.trackapi.track;

/** No track with this id in this user's library (another user's track is not found either). */
public class TrackNotFoundException extends RuntimeException {

    private final String trackId;

    public TrackNotFoundException(String trackId) {
        super("Track " + trackId + " was not found");
        this.trackId = trackId;
    }

    public String trackId() {
        return trackId;
    }
}
