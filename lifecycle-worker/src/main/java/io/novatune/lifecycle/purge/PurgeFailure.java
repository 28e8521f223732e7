package io.novatune.lifecycle.purge;

import software.amazon.awssdk.core.exception.SdkClientException;

/** Why a purge attempt failed, as the {@code reason} tag of {@code track_physical_deletion_failures_total}. */
public enum PurgeFailure {

    /** S3 did not answer (down, network, timeout): retried, and the purge completes once S3 is back. */
    STORAGE_UNREACHABLE("storage_unreachable"),
    /** S3 answered with an error (access denied, server error). */
    STORAGE_REJECTED("storage_rejected"),
    /** The purge named objects of another track: refused, dead-lettered at once. */
    FOREIGN_OBJECT_KEY("foreign_object_key"),
    /** The objects are gone but {@code TrackPurged} could not be published: retried; the retry finds them gone. */
    PUBLISH_FAILED("publish_failed");

    private final String tag;

    PurgeFailure(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    static PurgeFailure ofStorage(RuntimeException e) {
        return e instanceof SdkClientException ? STORAGE_UNREACHABLE : STORAGE_REJECTED;
    }
}
