package io.novatune.discovery.tracklist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** An entry as a person types it in, or corrects it; {@code cueTime} is {@code mm:ss} or {@code h:mm:ss}. */
public record EntryInput(
        @Min(1) @Max(10_000) Integer position,
        @Size(max = 500) String artist,
        @Size(max = 500) String title,
        @Size(max = 300) String remix,
        @Size(max = 300) String label,
        @Size(max = 100) String catalogNumber,
        @Size(max = 12) String cueTime) {
}
