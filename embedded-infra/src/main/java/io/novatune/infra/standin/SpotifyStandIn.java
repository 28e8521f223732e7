package io.novatune.infra.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server standing in for Spotify's Web API and its accounts service, serving recorded albums in the Web
 * API's shapes: {@code POST /api/token} (client credentials, HTTP Basic) issues a bearer token;
 * {@code GET /v1/albums/{id}} answers the album with its first 50 tracks embedded and a {@code tracks.next} link,
 * {@code GET /v1/albums/{id}/tracks?offset=…&limit=…} the further pages, and {@code GET /v1/tracks?ids=…} (at most 50
 * ids, else 400) the full track objects, the only ones with {@code external_ids.isrc}. A test can make an album's
 * requests fail ({@link #failNext}) and read what was asked ({@link #requests}).
 */
public final class SpotifyStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "novatune-local";
    public static final String CLIENT_SECRET = "novatune-local-secret";
    /** Spotify's limit on {@code ids} of the several-tracks endpoint. */
    public static final int MAX_IDS_PER_REQUEST = 50;
    /** Spotify's page size of an album's tracks. */
    static final int TRACKS_PAGE_SIZE = 50;
    private static final String RECORDINGS = "/io/novatune/infra/standin/spotify/";

    private static final Pattern ALBUM = Pattern.compile("/v1/albums/([^/]+)");
    private static final Pattern ALBUM_TRACKS = Pattern.compile("/v1/albums/([^/]+)/tracks");

    /** One request as the stand-in saw it, its query decoded ({@code ids} split at commas too). */
    public record Request(Instant at, String method, String path, Map<String, List<String>> query) {

        public List<String> ids() {
            return query.getOrDefault("ids", List.of());
        }

        public String market() {
            return query.getOrDefault("market", List.of()).stream().findFirst().orElse(null);
        }
    }

    /**
     * One album as the Web API knows it.
     *
     * @param album  the album object, its {@code tracks.items} holding every simplified track in album order
     * @param tracks the full track objects, by id
     */
    public record Album(String id, ObjectNode album, Map<String, JsonNode> tracks) {

        /** A recording: {@code {"album": <album object with all its tracks>, "tracks": [<full track objects>]}}. */
        public static Album load(String resource) {
            try (InputStream in = SpotifyStandIn.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no recorded album at " + resource);
                }
                JsonNode recording = RecordedAlbum.JSON.readTree(in);
                ObjectNode album = (ObjectNode) recording.required("album");
                Map<String, JsonNode> tracks = new LinkedHashMap<>();
                recording.required("tracks").forEach(track -> tracks.put(track.required("id").asString(), track));
                return new Album(album.required("id").asString(), album, tracks);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }

        /** An album made up for a test, in the recording's shapes: one disc, one artist, tracks "Part 1" … "Part n". */
        public static Album of(String id, String name, String artistName, int trackCount) {
            ObjectNode artist = RecordedAlbum.JSON.createObjectNode().put("id", id + "a").put("name", artistName)
                    .put("type", "artist").put("uri", "spotify:artist:" + id + "a");
            ObjectNode album = RecordedAlbum.JSON.createObjectNode().put("album_type", "album").put("id", id)
                    .put("name", name).put("total_tracks", trackCount).put("type", "album").put("uri", "spotify:album:" + id);
            album.putArray("artists").add(artist);
            ArrayNode items = album.putObject("tracks").putArray("items");
            Map<String, JsonNode> tracks = new LinkedHashMap<>();
            for (int number = 1; number <= trackCount; number++) {
                String trackId = id + "t" + number;
                ObjectNode simplified = RecordedAlbum.JSON.createObjectNode().put("id", trackId).put("name", "Part " + number)
                        .put("disc_number", 1).put("track_number", number).put("duration_ms", 180_000 + number)
                        .put("explicit", false).put("type", "track").put("uri", "spotify:track:" + trackId);
                simplified.putArray("artists").add(artist);
                items.add(simplified);
                ObjectNode full = simplified.deepCopy();
                full.putObject("external_ids").put("isrc", String.format("QZNTS%07d", Math.floorMod(trackId.hashCode(), 10_000_000)));
                full.put("popularity", 10);
                tracks.put(trackId, full);
            }
            return new Album(id, album, tracks);
        }

        List<JsonNode> items() {
            return album.path("tracks").path("items").valueStream().toList();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "spotify-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final StandInExchanges exchanges = new StandInExchanges(CLIENT_ID, CLIENT_SECRET);
    private final Map<String, Album> albums = new ConcurrentHashMap<>();
    private final Map<String, String> albumOfTrack = new ConcurrentHashMap<>();
    private final ScriptedFaults faults = new ScriptedFaults();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private SpotifyStandIn(HttpServer server) {
        this.server = server;
    }

    /** On a free loopback port, with the recorded albums. */
    public static SpotifyStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SpotifyStandIn standIn = new SpotifyStandIn(server);
            server.setExecutor(standIn.executor);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn.add(Album.load(RECORDINGS + "album-7QZNTs0SAW8592AmbWorks-selected-ambient-works.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("the Spotify stand-in cannot listen", e);
        }
    }

    public SpotifyStandIn add(Album album) {
        albums.put(album.id(), album);
        album.tracks().keySet().forEach(track -> albumOfTrack.put(track, album.id()));
        return this;
    }

    /** The next {@code times} requests about the album (the album, its track pages or its tracks) answer the fault. */
    public void failNext(String albumId, int times, CatalogFault fault) {
        faults.failNext(albumId, times, fault);
    }

    /** As track-api's {@code novatune.catalog.spotify.api-url}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** As track-api's {@code novatune.catalog.spotify.token-url}. */
    public URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/token");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The sizes of the several-tracks requests for the album's tracks, in the order they came. */
    public List<Integer> trackBatchSizes(String albumId) {
        return requests.stream()
                .filter(request -> request.path().equals("/v1/tracks"))
                .filter(request -> request.ids().stream().anyMatch(id -> albumId.equals(albumOfTrack.get(id))))
                .map(request -> request.ids().size())
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(Instant.now(), exchange.getRequestMethod(), path,
                    StandInExchanges.query(exchange.getRequestURI().getRawQuery(), Set.of("ids")));
            requests.add(request);
            if (path.equals("/api/token")) {
                exchanges.issueToken(exchange, 3600);
                return;
            }
            if (!exchanges.authorised(exchange)) {
                error(exchange, 401, "Invalid access token");
                return;
            }
            Matcher tracksOfAlbum = ALBUM_TRACKS.matcher(path);
            Matcher album = ALBUM.matcher(path);
            if (tracksOfAlbum.matches()) {
                albumTracks(exchange, request, tracksOfAlbum.group(1));
            } else if (album.matches()) {
                album(exchange, request, album.group(1));
            } else if (path.equals("/v1/tracks")) {
                tracks(exchange, request);
            } else {
                error(exchange, 404, "Service not found");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, String.valueOf(e.getMessage()));
        }
    }

    private void album(HttpExchange exchange, Request request, String albumId) throws IOException {
        Album album = albums.get(albumId);
        if (album == null) {
            error(exchange, 404, "Non existing id");
        } else if (!faulted(exchange, albumId)) {
            ObjectNode answer = album.album().deepCopy();
            answer.set("tracks", page(album, request, 0, TRACKS_PAGE_SIZE));
            StandInExchanges.send(exchange, 200, "application/json", answer.toString());
        }
    }

    private void albumTracks(HttpExchange exchange, Request request, String albumId) throws IOException {
        Album album = albums.get(albumId);
        if (album == null) {
            error(exchange, 404, "Non existing id");
            return;
        }
        int offset = Integer.parseInt(first(request, "offset", "0"));
        int limit = Integer.parseInt(first(request, "limit", "20"));
        if (limit < 1 || limit > TRACKS_PAGE_SIZE || offset < 0) {
            error(exchange, 400, "Invalid limit or offset");
        } else if (!faulted(exchange, albumId)) {
            StandInExchanges.send(exchange, 200, "application/json", page(album, request, offset, limit).toString());
        }
    }

    /** A paging object of the album's simplified tracks, with absolute {@code next}/{@code previous} links. */
    private ObjectNode page(Album album, Request request, int offset, int limit) {
        List<JsonNode> items = album.items();
        int from = Math.min(offset, items.size());
        int to = Math.min(from + limit, items.size());
        String market = request.market() == null ? "" : "&market=" + request.market();
        String href = apiUrl() + "/albums/" + album.id() + "/tracks?offset=%d&limit=%d" + market;
        ObjectNode page = RecordedAlbum.JSON.createObjectNode().put("href", href.formatted(offset, limit))
                .put("limit", limit).put("offset", offset).put("total", items.size());
        if (to < items.size()) {
            page.put("next", href.formatted(to, limit));
        } else {
            page.putNull("next");
        }
        if (from > 0) {
            page.put("previous", href.formatted(Math.max(from - limit, 0), limit));
        } else {
            page.putNull("previous");
        }
        ArrayNode data = page.putArray("items");
        items.subList(from, to).forEach(data::add);
        return page;
    }

    private void tracks(HttpExchange exchange, Request request) throws IOException {
        List<String> ids = request.ids();
        if (ids.isEmpty()) {
            error(exchange, 400, "invalid id");
            return;
        }
        if (ids.size() > MAX_IDS_PER_REQUEST) {
            error(exchange, 400, "Too many ids requested");
            return;
        }
        for (String albumId : ids.stream().map(albumOfTrack::get).filter(java.util.Objects::nonNull).distinct().toList()) {
            if (faulted(exchange, albumId)) {
                return;
            }
        }
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode();
        ArrayNode tracks = answer.putArray("tracks");
        for (String id : ids) {
            String albumId = albumOfTrack.get(id);
            if (albumId == null) {
                tracks.addNull();
            } else {
                tracks.add(albums.get(albumId).tracks().get(id));
            }
        }
        StandInExchanges.send(exchange, 200, "application/json", answer.toString());
    }

    /** Answers the album's scripted fault, if one is due; true when it did. */
    private boolean faulted(HttpExchange exchange, String albumId) throws IOException {
        CatalogFault fault = faults.due(albumId).orElse(null);
        if (fault == null) {
            return false;
        }
        fault.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        error(exchange, fault.status(), "Scripted fault of the stand-in");
        return true;
    }

    private static String first(Request request, String name, String otherwise) {
        return request.query().getOrDefault(name, List.of()).stream().findFirst().orElse(otherwise);
    }

    /** Spotify's error object. */
    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode document = RecordedAlbum.JSON.createObjectNode();
        document.putObject("error").put("status", status).put("message", message);
        StandInExchanges.send(exchange, status, "application/json", document.toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
