package io.novatune.trackapi.web;

import io.novatune.trackapi.track.AddCatalogTrack;
import io.novatune.trackapi.track.CatalogRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** The JSON body that adds a catalog track to the caller's library. */
public record AddTrackRequest(
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 500) String artist,
        @Size(max = 500) String album,
        /* ISO 3901: CC-XXX-YY-NNNNN, hyphens optional. */
        @Pattern(regexp = "(?i)[A-Z]{2}-?[A-Z0-9]{3}-?[0-9]{2}-?[0-9]{5}", message = "must be an ISRC such as GB-DUW-96-00012")
        String isrc,
        @Size(max = 100) String genre,
        @Positive Long durationMs,
        @NotNull @Valid CatalogRefRequest catalogRef) {

    public record CatalogRefRequest(@NotBlank @Size(max = 50) String service, @NotBlank @Size(max = 255) String id) {
    }

    AddCatalogTrack toCommand(String userId) {
        return new AddCatalogTrack(userId, title.strip(), artist.strip(), blankToNull(album), normalisedIsrc(),
                blankToNull(genre), durationMs, new CatalogRef(catalogRef.service(), catalogRef.id()));
    }

    private String normalisedIsrc() {
        return isrc == null ? null : isrc.replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
