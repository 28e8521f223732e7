package io.novatune.infra.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One album of the catalog as TIDAL's API v2 answers for it (JSON:API): the album document
 * ({@code GET /albums/{id}?include=artists}), its items ({@code GET /albums/{id}/relationships/items}, every page's
 * {@code data} in album order) and its tracks ({@code GET /tracks?filter[id]=…&include=artists}, with the artists
 * as {@code included}). Loaded from a recording, or built for a test in the same shapes.
 *
 * @param id     the album's TIDAL id
 * @param album  the album document
 * @param items  the items' resource identifiers, {@code {id, type: "tracks", meta: {volumeNumber, trackNumber}}}
 * @param tracks the track resources, by id
 * @param artists the artist resources the tracks name, by id
 */
public record RecordedAlbum(String id, ObjectNode album, List<JsonNode> items, Map<String, JsonNode> tracks,
                            Map<String, JsonNode> artists) {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * A recording: a JSON object with the three answers, {@code album}, {@code items} and {@code tracks}, as the
     * catalog sent them.
     */
    public static RecordedAlbum load(String resource) {
        try (InputStream in = RecordedAlbum.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded album at " + resource);
            }
            JsonNode recording = JSON.readTree(in);
            ObjectNode album = (ObjectNode) recording.required("album");
            List<JsonNode> items = new ArrayList<>();
            recording.required("items").required("data").forEach(items::add);
            Map<String, JsonNode> tracks = new LinkedHashMap<>();
            recording.required("tracks").required("data").forEach(track -> tracks.put(track.required("id").asString(), track));
            Map<String, JsonNode> artists = new LinkedHashMap<>();
            recording.required("tracks").path("included").forEach(artist -> artists.put(artist.required("id").asString(), artist));
            return new RecordedAlbum(album.required("data").required("id").asString(), album, items, tracks, artists);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** An album made up for a test, in the shapes of a recording: all on volume 1, by one artist. */
    public static Builder builder(String id, String title, String artistId, String artistName) {
        return new Builder(id, title, artistId, artistName);
    }

    public static final class Builder {

        private final String id;
        private final String title;
        private final ObjectNode artist;
        private final List<JsonNode> items = new ArrayList<>();
        private final Map<String, JsonNode> tracks = new LinkedHashMap<>();

        private Builder(String id, String title, String artistId, String artistName) {
            this.id = id;
            this.title = title;
            this.artist = JSON.createObjectNode().put("id", artistId).put("type", "artists");
            artist.putObject("attributes").put("name", artistName).put("popularity", 0.5);
        }

        /** The next track; {@code isrc} may be null, as it is for a few tracks of the real catalog. */
        public Builder track(String trackId, String trackTitle, String isrc, Duration duration) {
            ObjectNode item = JSON.createObjectNode().put("id", trackId).put("type", "tracks");
            item.putObject("meta").put("volumeNumber", 1).put("trackNumber", items.size() + 1);
            items.add(item);
            ObjectNode track = JSON.createObjectNode().put("id", trackId).put("type", "tracks");
            ObjectNode attributes = track.putObject("attributes").put("title", trackTitle);
            if (isrc != null) {
                attributes.put("isrc", isrc);
            }
            attributes.put("duration", duration.toString()).put("explicit", false).put("popularity", 0.5);
            attributes.putArray("mediaTags").add("LOSSLESS");
            track.putObject("relationships").putObject("artists").putArray("data").add(identifier(artist));
            tracks.put(trackId, track);
            return this;
        }

        public RecordedAlbum build() {
            ObjectNode album = JSON.createObjectNode();
            ObjectNode data = album.putObject("data").put("id", id).put("type", "albums");
            data.putObject("attributes").put("title", title).put("numberOfVolumes", 1).put("numberOfItems", items.size())
                    .put("explicit", false).put("type", "ALBUM");
            data.putObject("relationships").putObject("artists").putArray("data").add(identifier(artist));
            album.putArray("included").add(artist);
            return new RecordedAlbum(id, album, List.copyOf(items), Map.copyOf(tracks), Map.of(artist.get("id").asString(), artist));
        }

        private static ObjectNode identifier(ObjectNode resource) {
            return JSON.createObjectNode().put("id", resource.get("id").asString()).put("type", resource.get("type").asString());
        }
    }

    /** The artists that these tracks name, as the {@code included} of a tracks answer. */
    ArrayNode artistsOf(List<JsonNode> someTracks) {
        ArrayNode included = JSON.createArrayNode();
        someTracks.stream()
                .flatMap(track -> track.path("relationships").path("artists").path("data").valueStream())
                .map(identifier -> identifier.path("id").asString())
                .distinct()
                .map(artists::get)
                .filter(java.util.Objects::nonNull)
                .forEach(included::add);
        return included;
    }
}
