package io.novatune.deploy.redrive;

/**
 * What a re-drive did.
 *
 * @param republished the dead letters republished (on a dry run: listed)
 * @param skipped     the dead letters before where this run started: re-driven by an earlier run, or below --from-offset
 * @param left        the dead letters this run did not reach because of --max
 */
record RedriveSummary(long republished, long skipped, long left) {

    String line(RedriveOptions options) {
        String skippedWhy = options.fromOffset().isPresent() ? "before --from-offset" : "re-driven by an earlier run";
        String counts = "republished " + republished + ", skipped " + skipped + " (" + skippedWhy + ")"
                + (left > 0 ? ", " + left + " left for the next run (--max)" : "");
        return options.dryRun()
                ? "dlt-redrive: dry run, nothing was published or committed: would have " + counts
                : "dlt-redrive: " + options.deadLetterTopic() + ": " + counts;
    }
}
