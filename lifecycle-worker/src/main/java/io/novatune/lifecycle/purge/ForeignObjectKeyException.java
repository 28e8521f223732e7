package io.novatune.lifecycle.purge;

/**
 * A purge named an object that is not one of its track's: nothing is deleted, since a key of another track or
 * user would destroy data that may still be restorable. No retry can change that.
 */
public class ForeignObjectKeyException extends RuntimeException {

    public ForeignObjectKeyException(String trackId, int foreignKeys) {
        super("purge of track " + trackId + " names " + foreignKeys
                + " object key(s) outside the track's own prefixes; nothing was deleted");
    }
}
