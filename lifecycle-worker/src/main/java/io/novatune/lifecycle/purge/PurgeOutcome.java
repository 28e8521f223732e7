package io.novatune.lifecycle.purge;

import java.util.List;

/**
 * @param goneKeys    every object of the track, all now absent from storage
 * @param removedKeys those this purge removed; the others were already gone (a replay, a re-sent purge)
 * @param bytesFreed  the size of {@code removedKeys}, so 0 when the purge had nothing left to do
 */
public record PurgeOutcome(String trackId, String userId, String purgeDueEventId, List<String> goneKeys,
                           List<String> removedKeys, long bytesFreed) {

    public PurgeOutcome {
        goneKeys = List.copyOf(goneKeys);
        removedKeys = List.copyOf(removedKeys);
    }

    public boolean alreadyGone() {
        return removedKeys.isEmpty();
    }
}
