package io.novatune.discovery.wantlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A catalog track to put on the want-list; priority 1–5, 3 when not given. */
public record AddToWantListRequest(@NotBlank @Size(max = 26) String trackId, @Min(1) @Max(5) Integer priority,
                                   @Size(max = 2000) String notes, @Size(max = 26) String sourceTracklistId) {

    int priorityOrDefault() {
        return priority == null ? 3 : priority;
    }
}
