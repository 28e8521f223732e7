package io.novatune.discovery.wantlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One bulk change, in one transaction: {@code add-tracklist} puts the identified (not provisional) tracks of
 * {@code tracklistId} on the list with {@code priority}; {@code set-status} sets {@code status} on {@code ids};
 * {@code delete} removes {@code ids}. An id that is not the user's fails the whole request with 404.
 */
public record BulkWantListRequest(@NotNull @Pattern(regexp = "add-tracklist|set-status|delete") String action,
                                  @Size(max = 26) String tracklistId, @Min(1) @Max(5) Integer priority,
                                  @Size(max = 10_000) List<@Size(max = 26) String> ids,
                                  @Pattern(regexp = "wanted|purchased|unavailable") String status) {
}
