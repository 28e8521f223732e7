package io.novatune.lifecycle.purge;

/** Tells track-api that a track's objects are gone; returns only once the answer is durably on its way. */
public interface PurgeAnnouncer {

    void announce(PurgeOutcome outcome);
}
