package io.novatune.lifecycle.purge;

import java.util.List;

/**
 * A track whose grace period is over: track-api has claimed it ({@code PURGING}), so it can no longer be
 * restored and every object it names must go.
 *
 * @param purgeDueEventId the {@code TrackPurgeDue} this answers
 * @param attempt         track-api's send count, from 1 (its reconciler re-sends unanswered purges)
 */
public record PurgeRequest(String trackId, String userId, String purgeDueEventId, int attempt, List<String> objectKeys) {

    public PurgeRequest {
        // One object listed twice is still one deletion.
        objectKeys = objectKeys.stream().distinct().toList();
    }
}
