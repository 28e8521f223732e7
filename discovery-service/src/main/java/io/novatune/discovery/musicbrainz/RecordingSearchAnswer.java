package io.novatune.discovery.musicbrainz;

import io.novatune.discovery.identification.TrackDescription;
import io.novatune.discovery.parsing.TitleParts;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON of {@code /ws/2/recording?query=…&fmt=json}: {@code recordings[]} with {@code id}, {@code score},
 * {@code title}, {@code length} (ms), {@code disambiguation}, {@code artist-credit[{name, joinphrase}]},
 * {@code isrcs[]}, {@code first-release-date} and {@code releases[{title}]}. Missing fields are null, never an error.
 */
public final class RecordingSearchAnswer {

    private RecordingSearchAnswer() {
    }

    public static List<RecordingCandidate> candidates(JsonNode answer) {
        List<RecordingCandidate> candidates = new ArrayList<>();
        JsonNode recordings = answer == null ? null : answer.get("recordings");
        if (recordings == null || !recordings.isArray()) {
            return candidates;
        }
        for (JsonNode recording : recordings) {
            String id = text(recording.get("id"));
            if (id == null) {
                continue;
            }
            TitleParts title = TitleParts.of(text(recording.get("title")));
            String version = title.version() != null ? title.version() : text(recording.get("disambiguation"));
            JsonNode length = recording.get("length");
            JsonNode isrcs = recording.get("isrcs");
            JsonNode releases = recording.get("releases");
            JsonNode labelInfo = recording.path("releases").path(0).path("label-info").path(0);
            candidates.add(new RecordingCandidate(id,
                    recording.has("score") ? recording.get("score").asInt() : 0,
                    new TrackDescription(artistCredit(recording.get("artist-credit")), title.title(), version,
                            text(labelInfo.path("label").get("name")),
                            length != null && length.isNumber() ? length.asLong() : null,
                            isrcs != null && isrcs.isArray() && !isrcs.isEmpty() ? text(isrcs.get(0)) : null),
                    text(recording.get("first-release-date")),
                    releases != null && releases.isArray() && !releases.isEmpty() ? text(releases.get(0).get("title")) : null,
                    text(labelInfo.get("catalog-number")), text(recording.path("tags").path(0).get("name"))));
        }
        return candidates;
    }

    /** {@code [{name: "Daft Punk", joinphrase: " feat. "}, {name: "Pharrell Williams"}]} → "Daft Punk feat. Pharrell Williams". */
    static String artistCredit(JsonNode credits) {
        if (credits == null || !credits.isArray() || credits.isEmpty()) {
            return null;
        }
        StringBuilder credit = new StringBuilder();
        for (JsonNode part : credits) {
            String name = text(part.get("name"));
            if (name == null && part.get("artist") != null) {
                name = text(part.get("artist").get("name"));
            }
            credit.append(name == null ? "" : name);
            String join = part.get("joinphrase") == null ? null : part.get("joinphrase").asString();
            credit.append(join == null ? "" : join);
        }
        String text = credit.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
