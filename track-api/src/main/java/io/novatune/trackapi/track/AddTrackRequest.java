package io.novatune.trackapi.track;

import io.novatune.platform.validation.PlainText;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

import static io.novatune.trackapi.track.TrackFieldRules.blankToNull;
import static io.novatune.trackapi.track.TrackFieldRules.normaliseIsrc;

/** The JSON body that adds a catalog track ({@code catalogRef}) or an AI-generated one ({@code provider}). */
public record AddTrackRequest(
        @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
        @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
        @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String album,
        @Pattern(regexp = TrackFieldRules.ISRC, message = TrackFieldRules.ISRC_MESSAGE) String isrc,
        @PlainText @Size(max = TrackFieldRules.GENRE_MAX) String genre,
        @DecimalMin(TrackFieldRules.BPM_MIN) @DecimalMax(TrackFieldRules.BPM_MAX) @Digits(integer = 3, fraction = 2)
        BigDecimal bpm,
        @Pattern(regexp = TrackFieldRules.MUSICAL_KEY, message = TrackFieldRules.MUSICAL_KEY_MESSAGE) String musicalKey,
        @Positive Long durationMs,
        @Valid CatalogRefRequest catalogRef,
        @Valid ProviderRequest provider) {

    public record CatalogRefRequest(@NotBlank @PlainText @Size(max = 50) String service, @NotBlank @PlainText @Size(max = 255) String id) {
    }

    public record ProviderRequest(
            @NotBlank @PlainText @Size(max = 100) String name,
            // The form of the links (scheme, host, length, allow-list) is ProviderLinkRules'.
            @NotBlank String audioUrl,
            String coverUrl,
            String videoUrl,
            Instant expiresAt) {
    }

    @JsonIgnore
    @AssertTrue(message = "exactly one of catalogRef and provider must be given")
    public boolean isOriginGiven() {
        return (catalogRef == null) != (provider == null);
    }

    boolean fromProvider() {
        return provider != null;
    }

    AddCatalogTrack toCatalogCommand(String userId) {
        return new AddCatalogTrack(userId, metadata(), new CatalogRef(catalogRef.service(), catalogRef.id()));
    }

    AddProviderTrack toProviderCommand(String userId) {
        return new AddProviderTrack(userId, metadata(), new ProviderLinks(provider.name(), provider.audioUrl(),
                blankToNull(provider.coverUrl()), blankToNull(provider.videoUrl()), provider.expiresAt()));
    }

    private TrackMetadata metadata() {
        return new TrackMetadata(title.strip(), artist.strip(), blankToNull(album), normaliseIsrc(isrc),
                blankToNull(genre), bpm, blankToNull(musicalKey), durationMs);
    }
}
