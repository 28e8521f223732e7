package io.novatune.trackapi.track;

import io.novatune.platform.problem.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;

import java.util.List;
import java.util.Map;

import static io.novatune.platform.problem.InvalidRequestException.FieldError;

/**
 * Reads an RFC 7396 JSON merge patch of a track's metadata: a present field is set, {@code null}
 * clears it, an absent one is kept. Every problem is reported at once.
 */
@Component
class MergePatchReader {

    private final ObjectMapper json;
    private final Validator validator;

    MergePatchReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    UpdateMetadata read(String userId, String trackId, JsonNode patch, String ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("", "a merge patch must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<MetadataField> present = new ArrayList<>();
        for (String name : patch.propertyNames()) {
            MetadataField field = MetadataField.fromApiName(name);
            if (field == null) {
                errors.add(new FieldError(name, "is not a field of a track that can be changed"));
            } else if (field.required() && patch.get(name).isNull()) {
                errors.add(new FieldError(name, "cannot be cleared"));
            } else {
                present.add(field);
            }
        }
        TrackPatchRequest request = parse(patch, errors);
        if (request != null) {
            validator.validate(request).forEach(violation ->
                    errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Map<MetadataField, Object> changes = new EnumMap<>(MetadataField.class);
        present.forEach(field -> changes.put(field, valueOf(field, request)));
        return new UpdateMetadata(userId, trackId, changes, expectedVersion(ifMatch));
    }

    private TrackPatchRequest parse(JsonNode patch, List<FieldError> errors) {
        try {
            return json.treeToValue(patch, TrackPatchRequest.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "" : e.getPath().get(0).getPropertyName();
            errors.add(new FieldError(field, "has the wrong type"));
        } catch (JacksonException e) {
            errors.add(new FieldError("", "cannot be read"));
        }
        return null;
    }

    private static Object valueOf(MetadataField field, TrackPatchRequest request) {
        return switch (field) {
            case TITLE -> request.title().strip();
            case ARTIST -> request.artist().strip();
            case ALBUM -> TrackFieldRules.blankToNull(request.album());
            case ISRC -> TrackFieldRules.normaliseIsrc(TrackFieldRules.blankToNull(request.isrc()));
            case GENRE -> TrackFieldRules.blankToNull(request.genre());
            case BPM -> request.bpm();
            case MUSICAL_KEY -> TrackFieldRules.blankToNull(request.musicalKey());
            case DURATION_MS -> request.durationMs();
        };
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} or none means "whatever is current". */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L; // matches no version: the precondition fails
        }
    }
}
