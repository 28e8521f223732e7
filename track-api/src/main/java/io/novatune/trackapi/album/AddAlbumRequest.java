package io.novatune.trackapi.album;

import io.novatune.trackapi.track.AddTrackRequest;
import io.novatune.trackapi.track.CatalogRef;
import io.novatune.platform.validation.PlainText;
import io.novatune.trackapi.track.TrackFieldRules;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import static io.novatune.trackapi.track.TrackFieldRules.blankToNull;
import static io.novatune.trackapi.track.TrackFieldRules.normaliseIsrc;

/**
 * An album to add to the caller's library: its title, artist and track listing, or only its {@code catalogRef}, in
 * which case the catalog names and lists it (title and artist, when given, are kept instead of the catalog's).
 */
@AddAlbumRequest.ListingOrCatalogRef
public record AddAlbumRequest(
        @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
        @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
        @Size(max = MAX_TRACKS) List<@NotNull @Valid TrackRequest> tracks,
        @Valid AddTrackRequest.CatalogRefRequest catalogRef) {

    /** More than any real album (box sets included) and small enough for one insert and one event. */
    static final int MAX_TRACKS = 200;

    /**
     * {@code artist} defaults to the album's: most albums have one artist. {@code trackNumber} defaults to the
     * track's place in the list, the common case: give every track its number, or none.
     */
    public record TrackRequest(
            @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
            @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
            @Pattern(regexp = TrackFieldRules.ISRC, message = TrackFieldRules.ISRC_MESSAGE) String isrc,
            @Positive Long durationMs,
            @Min(1) @Max(999) Integer trackNumber) {
    }

    @JsonIgnore
    @AssertTrue(message = "track numbers must be unique within the album")
    public boolean isTrackNumbersUnique() {
        if (tracks == null) {
            return true;
        }
        List<Integer> numbers = tracks.stream().filter(Objects::nonNull).map(TrackRequest::trackNumber)
                .filter(Objects::nonNull).toList();
        return numbers.stream().distinct().count() == numbers.size();
    }

    @JsonIgnore
    @AssertTrue(message = "give every track its trackNumber, or none (then the list order numbers them)")
    public boolean isTrackNumberedAllOrNone() {
        if (tracks == null) {
            return true;
        }
        long numbered = tracks.stream().filter(Objects::nonNull).filter(track -> track.trackNumber() != null).count();
        return numbered == 0 || numbered == tracks.stream().filter(Objects::nonNull).count();
    }

    AddAlbum toCommand(String userId) {
        List<AddAlbum.Listing> listing = tracks == null ? List.of() : IntStream.range(0, tracks.size())
                .mapToObj(place -> {
                    TrackRequest track = tracks.get(place);
                    return new AddAlbum.Listing(track.trackNumber() == null ? place + 1 : track.trackNumber(),
                            track.title().strip(), blankToNull(track.artist()), normaliseIsrc(track.isrc()),
                            track.durationMs());
                })
                .toList();
        return new AddAlbum(userId, blankToNull(title), blankToNull(artist), listing,
                catalogRef == null ? null : new CatalogRef(catalogRef.service().strip(), catalogRef.id().strip()));
    }

    /**
     * Without a {@code catalogRef}, the title, artist and a non-empty listing are required, each error on its field
     * as {@code @NotBlank} and {@code @NotEmpty} would name it.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ListingOrCatalogRefValidator.class)
    public @interface ListingOrCatalogRef {
        String message() default "an album needs its title, artist and tracks, or its catalogRef";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ListingOrCatalogRefValidator implements ConstraintValidator<ListingOrCatalogRef, AddAlbumRequest> {

        @Override
        public boolean isValid(AddAlbumRequest request, ConstraintValidatorContext context) {
            if (request == null || request.catalogRef() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (request.title() == null || request.title().isBlank()) {
                valid = violation(context, "title", "must not be blank");
            }
            if (request.artist() == null || request.artist().isBlank()) {
                valid = violation(context, "artist", "must not be blank");
            }
            if (request.tracks() == null || request.tracks().isEmpty()) {
                valid = violation(context, "tracks", "must not be empty unless catalogRef is given");
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
