package io.novatune.infra.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server standing in for the music databases, serving recordings in their own JSON formats: MusicBrainz's
 * recording search ({@code GET /ws/2/recording?query=…&fmt=json}, a Lucene query of {@code recording:"…"} and
 * {@code artist:"…"} phrases), Discogs' database search ({@code GET /database/search?type=release&artist=…&track=…},
 * token authentication), Spotify's Web API (client-credentials token, track search, audio features) and Beatport's
 * catalog search ({@code /v4/catalog/search/?type=tracks}). For the local stack and for discovery-service's tests.
 *
 * <p>It polices each database's rate limit as the database does — MusicBrainz 1 request per second (answered 503),
 * Discogs 60 per moving minute (answered 429, with the {@code X-Discogs-Ratelimit*} headers on every answer) — and
 * records every breach, so that a test fails on one ({@link #assertNoRateLimitBreach}). A test can script faults
 * ({@link #failNext}: 503 with {@code Retry-After}, 429) and read what was asked ({@link #requests}).
 */
public final class MusicDatabaseStandIn implements AutoCloseable {

    /** The Discogs token the stand-in accepts; the local stack passes it to discovery-service. */
    public static final String DISCOGS_TOKEN = "novatune-local-discogs-token";
    /** Arrival times jitter on a loaded machine: a client that keeps its spacing is not blamed for less than this. */
    static final Duration JITTER = Duration.ofMillis(50);
    private static final String RECORDINGS = "/io/novatune/infra/standin/musicdatabases/";
    private static final Pattern PHRASE = Pattern.compile("(recording|artist):\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** {@code recording:(word~ word)}: terms, fuzzy ({@code ~}, up to 2 edits as Lucene's default) or exact. */
    private static final Pattern TERMS = Pattern.compile("(recording|artist):\\(([^)]*)\\)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A recording a search found, with MusicBrainz's relevance score (0–100). */
    private record Hit(JsonNode recording, int score) {
    }

    /** The databases the stand-in answers for. */
    public enum Service { MUSICBRAINZ, DISCOGS, SPOTIFY, BEATPORT }

    /** One request as the stand-in saw it, its query decoded. */
    public record Request(Instant at, Service service, String path, Map<String, String> query, String userAgent,
                          String authorization) {
    }

    /** A request beyond the service's rate limit: how many came within its window. */
    public record Breach(Service service, Instant at, int inWindow, int limit, Duration window) {
    }

    /** An answer instead of the search results. */
    public record Fault(int status, Map<String, String> headers) {

        /** MusicBrainz's answer when it is over capacity or the client is too fast. */
        public static Fault unavailable(Duration retryAfter) {
            return new Fault(503, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
        }

        public static Fault tooManyRequests(Duration retryAfter) {
            return new Fault(429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
        }
    }

    private record Scripted(Fault fault, AtomicInteger remaining) {
    }

    private record Limit(int requests, Duration window) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "music-database-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final List<JsonNode> recordings = new CopyOnWriteArrayList<>();
    private final List<JsonNode> releases = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Breach> breaches = new CopyOnWriteArrayList<>();
    private final Map<Service, Scripted> faults = new ConcurrentHashMap<>();
    private final Map<Service, Limit> limits = new ConcurrentHashMap<>(Map.of(
            Service.MUSICBRAINZ, new Limit(1, Duration.ofSeconds(1)),
            Service.DISCOGS, new Limit(60, Duration.ofMinutes(1)),
            // Spotify and Beatport publish no fixed limit (Spotify counts a rolling 30 s window); these are our budgets.
            Service.SPOTIFY, new Limit(50, Duration.ofSeconds(30)),
            Service.BEATPORT, new Limit(60, Duration.ofMinutes(1))));
    private final Map<Service, Deque<Instant>> arrivals = Map.of(
            Service.MUSICBRAINZ, new ArrayDeque<>(), Service.DISCOGS, new ArrayDeque<>(),
            Service.SPOTIFY, new ArrayDeque<>(), Service.BEATPORT, new ArrayDeque<>());
    private final List<JsonNode> spotifyTracks = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> spotifyAudioFeatures = new ConcurrentHashMap<>();
    private final List<JsonNode> beatportTracks = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> spotifyTokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Duration spotifyTokenLifetime = Duration.ofHours(1);

    private MusicDatabaseStandIn(HttpServer server) {
        this.server = server;
    }

    /** On a free loopback port. */
    public static MusicDatabaseStandIn start() {
        return start(0);
    }

    public static MusicDatabaseStandIn start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            MusicDatabaseStandIn standIn = new MusicDatabaseStandIn(server);
            server.setExecutor(standIn.executor);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("the music database stand-in cannot listen on port " + port, e);
        }
    }

    /**
     * Adds the recorded catalog: about a hundred recordings in MusicBrainz's recording format
     * ({@code musicbrainz-recordings.json}) and releases in Discogs' search-result format ({@code discogs-releases.json},
     * each with the titles of its tracks under {@code tracks}, which the stand-in searches and never sends).
     */
    public MusicDatabaseStandIn withRecordedCatalog() {
        load(RECORDINGS + "musicbrainz-recordings.json").required("recordings").forEach(recordings::add);
        load(RECORDINGS + "discogs-releases.json").required("results").forEach(releases::add);
        JsonNode spotify = load(RECORDINGS + "spotify.json");
        spotify.required("tracks").forEach(spotifyTracks::add);
        spotify.required("audio_features").forEach(features -> spotifyAudioFeatures.put(features.path("id").asString(), features));
        load(RECORDINGS + "beatport-tracks.json").required("tracks").forEach(beatportTracks::add);
        return this;
    }

    /** How long the access tokens the Spotify stand-in issues are valid ({@code expires_in}). */
    public MusicDatabaseStandIn withSpotifyTokenLifetime(Duration lifetime) {
        spotifyTokenLifetime = lifetime;
        return this;
    }

    /** Access tokens issued by the Spotify stand-in's token endpoint (client-credentials grants). */
    public int spotifyTokensIssued() {
        return tokensIssued.get();
    }

    /** Spotify's Web API root ({@code …/v1}), as {@code novatune.discovery.spotify.base-url}. */
    public URI spotifyUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1");
    }

    /** Spotify's token endpoint, as {@code novatune.discovery.spotify.token-url}. */
    public URI spotifyTokenUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/api/token");
    }

    /** Beatport's API root ({@code …/v4}), as {@code novatune.discovery.beatport.base-url}. */
    public URI beatportUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v4");
    }

    /** A test's own rate limit for a service, e.g. a faster one for an accuracy run. */
    public MusicDatabaseStandIn withRateLimit(Service service, int requests, Duration window) {
        limits.put(service, new Limit(requests, window));
        return this;
    }

    /** The next {@code times} requests to the service answer the fault. */
    public void failNext(Service service, int times, Fault fault) {
        faults.put(service, new Scripted(fault, new AtomicInteger(times)));
    }

    public void recover(Service service) {
        faults.remove(service);
    }

    /** MusicBrainz's web service root, as discovery-service's {@code novatune.discovery.musicbrainz.base-url}. */
    public URI musicBrainzUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/ws/2");
    }

    /** Discogs' API root, as discovery-service's {@code novatune.discovery.discogs.base-url}. */
    public URI discogsUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(Service service) {
        return requests.stream().filter(request -> request.service() == service).toList();
    }

    public List<Breach> breaches() {
        return List.copyOf(breaches);
    }

    /** Fails (an {@link AssertionError}, as a test's assertion would) when any request broke a rate limit. */
    public void assertNoRateLimitBreach() {
        if (!breaches.isEmpty()) {
            Breach first = breaches.get(0);
            List<String> window = requests(first.service()).stream()
                    .filter(request -> !request.at().isBefore(first.at().minus(first.window())) && !request.at().isAfter(first.at()))
                    .map(request -> request.at() + " " + request.query())
                    .toList();
            throw new AssertionError("rate limit exceeded " + breaches.size() + " times; first: " + first
                    + ", with the requests of its window: " + window);
        }
    }

    /** The most requests any one second (counted from the first request) saw, per service: what a dashboard shows. */
    public int maxRequestsPerSecond(Service service) {
        List<Request> seen = requests(service);
        if (seen.isEmpty()) {
            return 0;
        }
        Instant first = seen.get(0).at();
        Map<Long, Integer> perSecond = new LinkedHashMap<>();
        seen.forEach(request -> perSecond.merge(Duration.between(first, request.at()).toSeconds(), 1, Integer::sum));
        return perSecond.values().stream().max(Integer::compare).orElse(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Service service = path.startsWith("/ws/2/") ? Service.MUSICBRAINZ
                    : path.startsWith("/database/") ? Service.DISCOGS
                    : path.startsWith("/v1/") || path.equals("/api/token") ? Service.SPOTIFY
                    : path.startsWith("/v4/") ? Service.BEATPORT : null;
            if (service == null) {
                send(exchange, 404, "application/json", "{\"error\":\"Not Found\"}");
                return;
            }
            Request request = new Request(Instant.now(), service, path, query,
                    exchange.getRequestHeaders().getFirst("User-Agent"), exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            int used = admit(request);
            if (service == Service.DISCOGS) {
                Limit limit = limits.get(service);
                exchange.getResponseHeaders().set("X-Discogs-Ratelimit", Integer.toString(limit.requests()));
                exchange.getResponseHeaders().set("X-Discogs-Ratelimit-Used", Integer.toString(Math.min(used, limit.requests())));
                exchange.getResponseHeaders().set("X-Discogs-Ratelimit-Remaining", Integer.toString(Math.max(0, limit.requests() - used)));
            }
            if (used > limits.get(service).requests()) {
                rateLimited(exchange, service);
            } else if (!faulted(exchange, service)) {
                switch (service) {
                    case MUSICBRAINZ -> musicBrainz(exchange, request);
                    case DISCOGS -> discogs(exchange, request);
                    case SPOTIFY -> spotify(exchange, request);
                    case BEATPORT -> beatport(exchange, request);
                }
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", "{\"error\":" + RecordedAlbum.JSON.writeValueAsString(String.valueOf(e.getMessage())) + "}");
        }
    }

    /** Counts the request in its service's window; answers how many the window now holds, and records a breach. */
    private int admit(Request request) {
        Limit limit = limits.get(request.service());
        Deque<Instant> window = arrivals.get(request.service());
        synchronized (window) {
            Instant from = request.at().minus(limit.window()).plus(JITTER);
            while (!window.isEmpty() && !window.peekFirst().isAfter(from)) {
                window.pollFirst();
            }
            window.addLast(request.at());
            if (window.size() > limit.requests()) {
                breaches.add(new Breach(request.service(), request.at(), window.size(), limit.requests(), limit.window()));
            }
            return window.size();
        }
    }

    private static void rateLimited(HttpExchange exchange, Service service) throws IOException {
        if (service == Service.MUSICBRAINZ) {
            send(exchange, 503, "application/json", "{\"error\":\"Your requests are exceeding the allowable rate limit."
                    + " Please see https://wiki.musicbrainz.org/XMLWebService for more information.\"}");
        } else {
            exchange.getResponseHeaders().set("Retry-After", "60");
            send(exchange, 429, "application/json", "{\"message\": \"You are making requests too quickly.\"}");
        }
    }

    private boolean faulted(HttpExchange exchange, Service service) throws IOException {
        Scripted scripted = faults.get(service);
        if (scripted == null || scripted.remaining().getAndDecrement() <= 0) {
            return false;
        }
        scripted.fault().headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        String body = service == Service.MUSICBRAINZ
                ? "{\"error\":\"The server is temporarily unavailable. Please try again later.\"}"
                : "{\"message\": \"You are making requests too quickly.\"}";
        send(exchange, scripted.fault().status(), "application/json", body);
        return true;
    }

    private void musicBrainz(HttpExchange exchange, Request request) throws IOException {
        String userAgent = request.userAgent();
        if (userAgent == null || userAgent.isBlank() || userAgent.startsWith("Java-http-client") || userAgent.startsWith("ReactorNetty")) {
            // MusicBrainz blocks anonymous clients.
            send(exchange, 403, "application/json", "{\"error\":\"A meaningful User-Agent is required.\"}");
            return;
        }
        if (!request.path().equals("/ws/2/recording") || !"json".equals(request.query().get("fmt"))) {
            send(exchange, 400, "application/json", "{\"error\":\"Only /ws/2/recording with fmt=json is recorded here.\"}");
            return;
        }
        Map<String, String> phrases = new LinkedHashMap<>();
        Matcher matcher = PHRASE.matcher(request.query().getOrDefault("query", ""));
        while (matcher.find()) {
            phrases.put(matcher.group(1), normal(matcher.group(2).replaceAll("\\\\(.)", "$1")));
        }
        Map<String, List<String>> terms = new LinkedHashMap<>();
        Matcher termMatcher = TERMS.matcher(request.query().getOrDefault("query", ""));
        while (termMatcher.find()) {
            terms.put(termMatcher.group(1), List.of(termMatcher.group(2).strip().split("\\s+")));
        }
        if (!terms.isEmpty()) {
            fuzzySearch(exchange, terms, Math.min(100, Integer.parseInt(request.query().getOrDefault("limit", "25"))));
            return;
        }
        String title = phrases.get("recording");
        String artist = phrases.get("artist");
        int limit = Math.min(100, Integer.parseInt(request.query().getOrDefault("limit", "25")));
        List<Hit> hits = new ArrayList<>();
        for (JsonNode recording : recordings) {
            String recordingTitle = normal(recording.path("title").asString(""));
            String credit = normal(credit(recording.path("artist-credit")));
            if ((title == null || contains(recordingTitle, title)) && (artist == null || contains(credit, artist))) {
                int extra = Math.abs(recordingTitle.length() - (title == null ? 0 : title.length()))
                        + Math.abs(credit.length() - (artist == null ? 0 : artist.length()));
                hits.add(new Hit(recording, Math.max(40, 100 - extra)));
            }
        }
        sendRecordings(exchange, hits, limit);
    }

    /**
     * Lucene ORs the terms and ranks by how many match; here a recording is a hit when all its field's terms but one
     * (all, for one or two terms) match a word of the field, and ranks by the share that matched.
     */
    private void fuzzySearch(HttpExchange exchange, Map<String, List<String>> terms, int limit) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode recording : recordings) {
            List<String> titleWords = List.of(normal(recording.path("title").asString("")).split(" "));
            List<String> artistWords = List.of(normal(credit(recording.path("artist-credit"))).split(" "));
            int[] title = matched(terms.getOrDefault("recording", List.of()), titleWords);
            int[] artist = matched(terms.getOrDefault("artist", List.of()), artistWords);
            if (enough(title) && enough(artist)) {
                hits.add(new Hit(recording, 100 * (title[0] + artist[0]) / Math.max(1, title[1] + artist[1])));
            }
        }
        sendRecordings(exchange, hits, limit);
    }

    /** A search answer of {@code /ws/2/recording}: the best hits first, each with its score. */
    private static void sendRecordings(HttpExchange exchange, List<Hit> hits, int limit) throws IOException {
        hits.sort(Comparator.comparingInt(Hit::score).reversed());
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode()
                .put("created", Instant.now().toString()).put("count", hits.size()).put("offset", 0);
        ArrayNode found = answer.putArray("recordings");
        hits.stream().limit(limit).forEach(hit -> found.add(((ObjectNode) hit.recording().deepCopy()).put("score", hit.score())));
        send(exchange, 200, "application/json; charset=utf-8", answer.toString());
    }

    /** {matched, total} of the terms against the words. */
    private static int[] matched(List<String> terms, List<String> words) {
        int matched = 0;
        for (String term : terms) {
            boolean fuzzy = term.endsWith("~");
            String word = fuzzy ? term.substring(0, term.length() - 1) : term;
            if (words.stream().anyMatch(candidate -> fuzzy ? editDistance(candidate, word) <= 2 : candidate.equals(word))) {
                matched++;
            }
        }
        return new int[] {matched, terms.size()};
    }

    private static boolean enough(int[] matched) {
        return matched[1] <= 2 ? matched[0] == matched[1] : matched[0] >= matched[1] - 1;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private void discogs(HttpExchange exchange, Request request) throws IOException {
        String authorization = request.authorization();
        boolean authenticated = (authorization != null && authorization.equals("Discogs token=" + DISCOGS_TOKEN))
                || DISCOGS_TOKEN.equals(request.query().get("token"));
        if (!authenticated) {
            send(exchange, 401, "application/json", "{\"message\": \"You must authenticate to access this resource.\"}");
            return;
        }
        if (!request.path().equals("/database/search")) {
            send(exchange, 404, "application/json", "{\"message\": \"The requested resource was not found.\"}");
            return;
        }
        String artist = normalOrNull(request.query().get("artist"));
        String track = normalOrNull(request.query().get("track"));
        String q = normalOrNull(request.query().get("q"));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode release : releases) {
            String title = release.path("title").asString("");
            int dash = title.indexOf(" - ");
            String releaseArtist = normal(dash < 0 ? title : title.substring(0, dash));
            boolean trackMatches = track == null || release.path("tracks").valueStream()
                    .anyMatch(name -> contains(normal(name.asString("")), track));
            boolean queryMatches = q == null || contains(normal(title), q);
            if ((artist == null || contains(releaseArtist, artist)) && trackMatches && queryMatches) {
                ObjectNode result = (ObjectNode) release.deepCopy();
                result.remove("tracks");
                found.add(result);
            }
        }
        int perPage = Math.min(100, Integer.parseInt(request.query().getOrDefault("per_page", "50")));
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode();
        answer.putObject("pagination").put("page", 1).put("pages", 1).put("per_page", perPage).put("items", found.size())
                .putObject("urls");
        ArrayNode results = answer.putArray("results");
        found.stream().limit(perPage).forEach(results::add);
        send(exchange, 200, "application/json", answer.toString());
    }

    /**
     * Spotify: the client-credentials grant at {@code POST /api/token} (HTTP Basic client id and secret, form body
     * {@code grant_type=client_credentials}), then with {@code Authorization: Bearer …} the track search
     * {@code GET /v1/search?type=track&q=…} (a {@code tracks} paging object of full track objects) and
     * {@code GET /v1/audio-features/{id}} (tempo, key as a pitch class, mode).
     */
    private void spotify(HttpExchange exchange, Request request) throws IOException {
        if (request.path().equals("/api/token")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = request.authorization();
            if (!"POST".equals(exchange.getRequestMethod()) || authorization == null || !authorization.startsWith("Basic ")
                    || !query(body).getOrDefault("grant_type", "").equals("client_credentials")) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "stand-in-token-" + tokensIssued.incrementAndGet();
            spotifyTokens.put(token, Instant.now().plus(spotifyTokenLifetime));
            send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + spotifyTokenLifetime.toSeconds() + "}");
            return;
        }
        String authorization = request.authorization();
        Instant valid = authorization == null || !authorization.startsWith("Bearer ") ? null
                : spotifyTokens.get(authorization.substring("Bearer ".length()));
        if (valid == null || valid.isBefore(Instant.now())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"spotify\"");
            send(exchange, 401, "application/json", "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}");
            return;
        }
        if (request.path().startsWith("/v1/audio-features/")) {
            JsonNode features = spotifyAudioFeatures.get(request.path().substring("/v1/audio-features/".length()));
            if (features == null) {
                send(exchange, 404, "application/json", "{\"error\":{\"status\":404,\"message\":\"analysis not found\"}}");
            } else {
                send(exchange, 200, "application/json", features.toString());
            }
            return;
        }
        if (!request.path().equals("/v1/search") || !"track".equals(request.query().get("type"))) {
            send(exchange, 400, "application/json", "{\"error\":{\"status\":400,\"message\":\"Only track search is recorded here\"}}");
            return;
        }
        String q = normal(request.query().getOrDefault("q", "").replaceAll("\\b(track|artist):", " "));
        List<JsonNode> found = spotifyTracks.stream().filter(track -> wordsIn(q, track.path("name").asString(""))
                && wordsIn(q, track.path("artists").path(0).path("name").asString(""))).toList();
        int limit = Math.min(50, Integer.parseInt(request.query().getOrDefault("limit", "20")));
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode();
        ObjectNode tracks = answer.putObject("tracks");
        tracks.put("href", "https://api.spotify.com/v1/search?offset=0&limit=" + limit + "&query=" + q + "&type=track")
                .put("limit", limit).putNull("next").put("offset", 0).putNull("previous").put("total", found.size());
        ArrayNode items = tracks.putArray("items");
        found.stream().limit(limit).forEach(items::add);
        send(exchange, 200, "application/json; charset=utf-8", answer.toString());
    }

    /** Beatport's catalog search, {@code GET /v4/catalog/search/?type=tracks&q=…} with a bearer token. */
    private void beatport(HttpExchange exchange, Request request) throws IOException {
        String authorization = request.authorization();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            send(exchange, 401, "application/json", "{\"detail\":\"Authentication credentials were not provided.\"}");
            return;
        }
        if (!request.path().replaceAll("/+$", "").equals("/v4/catalog/search") || !"tracks".equals(request.query().get("type"))) {
            send(exchange, 404, "application/json", "{\"detail\":\"Not found.\"}");
            return;
        }
        String q = normal(request.query().getOrDefault("q", ""));
        List<JsonNode> found = beatportTracks.stream().filter(track -> wordsIn(q, track.path("name").asString(""))
                && wordsIn(q, track.path("artists").path(0).path("name").asString(""))).toList();
        int perPage = Math.min(100, Integer.parseInt(request.query().getOrDefault("per_page", "25")));
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode();
        ArrayNode tracks = answer.putArray("tracks");
        found.stream().limit(perPage).forEach(tracks::add);
        answer.putArray("releases");
        answer.putArray("artists");
        answer.putArray("labels");
        answer.putArray("charts");
        send(exchange, 200, "application/json", answer.toString());
    }

    /** Every word of {@code text} among the words of the query. */
    private static boolean wordsIn(String query, String text) {
        List<String> words = List.of(query.split(" "));
        String normalText = normal(text);
        return !normalText.isEmpty() && words.containsAll(List.of(normalText.split(" ")));
    }

    /** A phrase query: the words of {@code phrase} in a row among the words of {@code text}. */
    private static boolean contains(String text, String phrase) {
        return (" " + text + " ").contains(" " + phrase + " ");
    }

    private static String credit(JsonNode credits) {
        StringBuilder text = new StringBuilder();
        credits.forEach(part -> text.append(part.path("name").asString("")).append(part.path("joinphrase").asString("")));
        return text.toString();
    }

    /** As the databases' analysers see text: case, diacritics and punctuation do not count. */
    private static String normal(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String normalOrNull(String text) {
        return text == null || text.isBlank() ? null : normal(text);
    }

    private static JsonNode load(String resource) {
        try (InputStream in = MusicDatabaseStandIn.class.getResourceAsStream(resource)) {
            return RecordedAlbum.JSON.readTree(Objects.requireNonNull(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            query.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
