package io.novatune.discovery.jobs;

import java.time.Instant;
import java.util.List;

/** An identification job and its progress; {@code results} has each entry's outcome so far, in tracklist order. */
public record DiscoveryJob(String jobId, String tracklistId, JobStatus status, int total, int done, int identified,
                           int provisional, int failed, Instant createdAt, Instant finishedAt, List<Result> results) {

    /** One entry's outcome: the catalog track it was identified as (none while pending or when failed). */
    public record Result(int position, String artist, String title, String remix, EntryState state, String catalogTrackId,
                         String confidence, Double distance, String method, List<String> sources, String reason) {
    }
}
