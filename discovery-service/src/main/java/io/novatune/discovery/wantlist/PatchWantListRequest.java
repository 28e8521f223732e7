package io.novatune.discovery.wantlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Changes to an entry; a field left out stays as it is. */
public record PatchWantListRequest(@Pattern(regexp = "wanted|purchased|unavailable") String status, LocalDate purchaseDate,
                                   @Min(1) @Max(5) Integer priority, @Size(max = 2000) String notes) {
}
