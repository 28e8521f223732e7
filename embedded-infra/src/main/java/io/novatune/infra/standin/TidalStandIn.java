package io.novatune.infra.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
 * A real HTTP server standing in for TIDAL's catalog API (v2, JSON:API) and its token endpoint, serving recorded
 * albums: for the local stack and for the tests of the services that read the catalog.
 *
 * <p>It answers as TIDAL does: {@code POST /v1/oauth2/token} (client credentials, HTTP Basic) issues a bearer token;
 * {@code GET /v2/albums/{id}}, {@code GET /v2/albums/{id}/relationships/items} (pages of 20 with a {@code links.next}
 * cursor) and {@code GET /v2/tracks?filter[id]=…} (at most 20 ids, else 400) need it and a {@code countryCode}.
 * A test can make it fail on an album's requests ({@link #failNext}, a {@link CatalogFault}) and read what was asked ({@link #requests}).
 */
public final class TidalStandIn implements AutoCloseable {

    /** The credentials the stand-in accepts; the local stack passes them to track-api. */
    public static final String CLIENT_ID = "novatune-local";
    public static final String CLIENT_SECRET = "novatune-local-secret";
    /** TIDAL's limit on {@code filter[id]} of the batch tracks endpoint. */
    public static final int MAX_IDS_PER_REQUEST = 20;
    static final int ITEMS_PAGE_SIZE = 20;
    /** The albums recorded under {@code io/novatune/infra/standin/tidal/}, listed in {@code albums.txt} there. */
    private static final String RECORDINGS = "/io/novatune/infra/standin/tidal/";

    private static final Pattern ALBUM = Pattern.compile("/v2/albums/([^/]+)");
    private static final Pattern ITEMS = Pattern.compile("/v2/albums/([^/]+)/relationships/items");
    private static final String JSON_API = "application/vnd.api+json";

    /** One request as the stand-in saw it, its query decoded ({@code filter[id]} split at commas too). */
    public record Request(Instant at, String method, String path, Map<String, List<String>> query) {

        public List<String> ids() {
            return query.getOrDefault("filter[id]", List.of());
        }

        public String countryCode() {
            return query.getOrDefault("countryCode", List.of()).stream().findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tidal-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, RecordedAlbum> albums = new ConcurrentHashMap<>();
    private final Map<String, String> albumOfTrack = new ConcurrentHashMap<>();
    private final ScriptedFaults faults = new ScriptedFaults();
    private final StandInExchanges exchanges = new StandInExchanges(CLIENT_ID, CLIENT_SECRET);
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TidalStandIn(HttpServer server) {
        this.server = server;
    }

    /** On a free loopback port. */
    public static TidalStandIn start() {
        return start(0);
    }

    public static TidalStandIn start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            TidalStandIn standIn = new TidalStandIn(server);
            server.setExecutor(standIn.executor);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("the TIDAL stand-in cannot listen on port " + port, e);
        }
    }

    /** Adds every recorded album (the local stack's catalog). */
    public TidalStandIn withRecordedAlbums() {
        try (InputStream index = TidalStandIn.class.getResourceAsStream(RECORDINGS + "albums.txt")) {
            String names = new String(Objects.requireNonNull(index, "albums.txt").readAllBytes(), StandardCharsets.UTF_8);
            names.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(name -> add(RecordedAlbum.load(RECORDINGS + name)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TidalStandIn add(RecordedAlbum album) {
        albums.put(album.id(), album);
        album.tracks().keySet().forEach(track -> albumOfTrack.put(track, album.id()));
        return this;
    }

    /** The next {@code times} requests about the album (its document, items or tracks) answer the fault. */
    public void failNext(String albumId, int times, CatalogFault fault) {
        faults.failNext(albumId, times, fault);
    }

    /** Every request about the album answers the fault until {@link #recover}. */
    public void failAlways(String albumId, CatalogFault fault) {
        failNext(albumId, Integer.MAX_VALUE, fault);
    }

    public void recover(String albumId) {
        faults.recover(albumId);
    }

    /** Where the API answers, as track-api's {@code novatune.catalog.tidal.api-url}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v2");
    }

    /** The token endpoint, as track-api's {@code novatune.catalog.tidal.token-url}. */
    public URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1/oauth2/token");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for the album's document ({@code GET /v2/albums/{id}}), in the order they came. */
    public List<Request> albumRequests(String albumId) {
        return requests.stream().filter(request -> request.path().equals("/v2/albums/" + albumId)).toList();
    }

    /** The sizes of the batch tracks requests for the album's tracks, in the order they came. */
    public List<Integer> trackBatchSizes(String albumId) {
        return requests.stream()
                .filter(request -> request.path().equals("/v2/tracks"))
                .filter(request -> request.ids().stream().anyMatch(id -> albumId.equals(albumOfTrack.get(id))))
                .map(request -> request.ids().size())
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(Instant.now(), exchange.getRequestMethod(), path,
                    StandInExchanges.query(exchange.getRequestURI().getRawQuery(), Set.of("filter[id]")));
            requests.add(request);
            if (path.equals("/v1/oauth2/token")) {
                exchanges.issueToken(exchange, 86400);
                return;
            }
            if (!exchanges.authorised(exchange)) {
                error(exchange, 401, "UNAUTHORIZED", "A valid bearer token is required");
                return;
            }
            if (!"GET".equals(request.method())) {
                error(exchange, 405, "METHOD_NOT_SUPPORTED", "Only GET is served here");
                return;
            }
            if (request.countryCode() == null) {
                error(exchange, 400, "PARAMETER_MISSING", "countryCode is required");
                return;
            }
            Matcher items = ITEMS.matcher(path);
            Matcher album = ALBUM.matcher(path);
            if (items.matches()) {
                items(exchange, request, items.group(1));
            } else if (album.matches()) {
                album(exchange, album.group(1));
            } else if (path.equals("/v2/tracks")) {
                tracks(exchange, request);
            } else {
                error(exchange, 404, "NOT_FOUND", "No such resource: " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "INTERNAL_ERROR", String.valueOf(e.getMessage()));
        }
    }

    private void album(HttpExchange exchange, String albumId) throws IOException {
        RecordedAlbum album = albums.get(albumId);
        if (album == null) {
            error(exchange, 404, "NOT_FOUND", "Album " + albumId + " not found");
        } else if (!faulted(exchange, albumId)) {
            StandInExchanges.send(exchange, 200, JSON_API, album.album().toString());
        }
    }

    private void items(HttpExchange exchange, Request request, String albumId) throws IOException {
        RecordedAlbum album = albums.get(albumId);
        if (album == null) {
            error(exchange, 404, "NOT_FOUND", "Album " + albumId + " not found");
            return;
        }
        if (faulted(exchange, albumId)) {
            return;
        }
        // The cursor is opaque to clients; here it is the offset of the page, encoded.
        String cursor = request.query().getOrDefault("page[cursor]", List.of()).stream().findFirst().orElse(null);
        int from = cursor == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        int to = Math.min(from + ITEMS_PAGE_SIZE, album.items().size());
        ObjectNode page = RecordedAlbum.JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        album.items().subList(Math.min(from, to), to).forEach(data::add);
        String self = "/albums/" + albumId + "/relationships/items?countryCode=" + request.countryCode();
        ObjectNode links = page.putObject("links").put("self", self);
        if (to < album.items().size()) {
            links.put("next", self + "&page%5Bcursor%5D="
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)));
        }
        StandInExchanges.send(exchange, 200, JSON_API, page.toString());
    }

    private void tracks(HttpExchange exchange, Request request) throws IOException {
        List<String> ids = request.ids();
        if (ids.isEmpty()) {
            error(exchange, 400, "PARAMETER_MISSING", "filter[id] is required");
            return;
        }
        if (ids.size() > MAX_IDS_PER_REQUEST) {
            error(exchange, 400, "VALUE_TOO_LONG", "filter[id] takes at most " + MAX_IDS_PER_REQUEST + " ids, got " + ids.size());
            return;
        }
        for (String albumId : ids.stream().map(albumOfTrack::get).filter(Objects::nonNull).distinct().toList()) {
            if (faulted(exchange, albumId)) {
                return;
            }
        }
        List<JsonNode> found = new ArrayList<>();
        ArrayNode included = RecordedAlbum.JSON.createArrayNode();
        Map<String, List<JsonNode>> byAlbum = new LinkedHashMap<>();
        for (String id : ids) {
            String albumId = albumOfTrack.get(id);
            if (albumId != null) {
                JsonNode track = albums.get(albumId).tracks().get(id);
                found.add(track);
                byAlbum.computeIfAbsent(albumId, key -> new ArrayList<>()).add(track);
            }
        }
        byAlbum.forEach((albumId, tracks) -> included.addAll(albums.get(albumId).artistsOf(tracks)));
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode();
        answer.putArray("data").addAll(found);
        answer.set("included", included);
        answer.putObject("links").put("self", "/tracks?countryCode=" + request.countryCode());
        StandInExchanges.send(exchange, 200, JSON_API, answer.toString());
    }

    /** Answers the album's scripted fault, if one is due; true when it did. */
    private boolean faulted(HttpExchange exchange, String albumId) throws IOException {
        CatalogFault fault = faults.due(albumId).orElse(null);
        if (fault == null) {
            return false;
        }
        fault.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        error(exchange, fault.status(), fault.status() == 429 ? "TOO_MANY_REQUESTS" : "UNAVAILABLE",
                "Scripted fault of the stand-in");
        return true;
    }

    private static void error(HttpExchange exchange, int status, String code, String detail) throws IOException {
        ObjectNode document = RecordedAlbum.JSON.createObjectNode();
        document.putArray("errors").addObject().put("id", UUID.randomUUID().toString()).put("status", Integer.toString(status))
                .put("code", code).put("detail", detail);
        StandInExchanges.send(exchange, status, JSON_API, document.toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
