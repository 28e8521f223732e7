package io.novatune.trackapi.archive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/admin/archive/run}: send at most {@code limit} due or urgent archives now. */
public record ArchiveRunRequest(@NotNull @Min(1) @Max(ArchiveRunRequest.MAX_LIMIT) Integer limit) {

    static final int MAX_LIMIT = 1000;
}
