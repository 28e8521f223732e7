package io.novatune.discovery.wantlist;

import io.novatune.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A catalog track to put on the want-list; priority 1–5, 3 when not given. */
public record AddToWantListRequest(@NotBlank @Size(max = 26) @PlainText String trackId, @Min(1) @Max(5) Integer priority,
                                   @Size(max = 2000) @PlainText String notes,
                                   @Size(max = 26) @PlainText String sourceTracklistId) {

    int priorityOrDefault() {
        return priority == null ? 3 : priority;
    }
}
