package io.novatune.discovery.jobs;

/** One entry a job identifies, as the tracklist had it when the job started. */
record JobEntry(String jobId, int seq, int position, String artist, String title, String remix, String label, boolean unknown) {
}
