package io.novatune.archiver.archiving;

import io.novatune.events.ArchiveDue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of the results, derived from the {@code ArchiveDue} they answer (name-based UUIDs of its event id and
 * attempt): answering the same request again (a redelivery, a replay from offset 0) repeats the same id, which
 * track-api's inbox drops. The result type is part of the name, so a success after an earlier failure answer of
 * the same request is not mistaken for a repeat.
 */
public final class ResultEventIds {

    private ResultEventIds() {
    }

    public static String archived(ArchiveDue due) {
        return derived("TrackArchived", due);
    }

    public static String failed(ArchiveDue due) {
        return derived("ArchiveFailed", due);
    }

    private static String derived(String type, ArchiveDue due) {
        String name = "archiver:" + type + ":" + due.getEventId() + ":" + due.getAttempt();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
