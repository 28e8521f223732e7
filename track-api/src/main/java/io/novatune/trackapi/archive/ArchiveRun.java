package io.novatune.trackapi.archive;

import java.util.List;

/** An operator's batch run: how many {@code ArchiveDue} were sent, and for which tracks. */
public record ArchiveRun(int requested, List<String> trackIds) {
}
