package io.novatune.discovery.bench;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.novatune.discovery.DiscoveryServiceApplication;
import io.novatune.discovery.parsing.ParseResult;
import io.novatune.discovery.parsing.TracklistFormat;
import io.novatune.discovery.parsing.TracklistParsers;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test (Surefire does not run it; run {@code deploy/bench/discovery-identification/run.sh}):
 * <ol>
 *   <li>parsing 10,000 lines of text tracklist in the shapes real lists have, against a floor measured in the same
 *       run: the same text split into lines and matched once by one simple regex;</li>
 *   <li>a 100-entry tracklist identified through the real service (Spring context on this JVM's PostgreSQL and Kafka,
 *       the music database stand-in with MusicBrainz's real 1 request/s and Discogs' 60/min): cold (no cache), warm
 *       (another user, so not from the catalog: the in-memory cache), warm after a restart (the database cache,
 *       {@code lookup_cache}), each from {@code POST …/discover-tracks} to the job seen completed; the floor is a job
 *       of 100 entries needing no lookup ({@code ID - ID}), and the cold run's ceiling the MusicBrainz requests it
 *       made times the client's spacing (1.05 s). Warm runs and the floor are medians of 3, after 3 warm-up jobs.</li>
 * </ol>
 * Prints a Markdown table.
 */
public final class IdentificationBenchmark {

    private static final String SECRET = "discovery-bench-secret-discovery-bench-secret-0123456789abcdef";
    private static final String DATABASE = "discovery_bench";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration MUSICBRAINZ_SPACING = Duration.ofMillis(1050);

    private record Track(String artist, String title) {
    }

    private record Row(String what, String size, String time, String ceiling, String ratio) {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable failure) {
            // Kafka's and PostgreSQL's threads would keep the JVM up.
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        List<Track> tracks = recordedTracks(entries);
        List<Row> rows = new ArrayList<>();

        String text = tracklistText(tracks, lines);
        TracklistParsers parsers = new TracklistParsers();
        Pattern floorPattern = Pattern.compile("^\\S+\\s+(.+?) - (.+)$");
        for (int i = 0; i < 5; i++) {
            parsers.parse(TracklistFormat.TEXT, text);
            floor(text, floorPattern);
        }
        List<Long> parseNanos = new ArrayList<>();
        List<Long> floorNanos = new ArrayList<>();
        int parsed = 0;
        for (int i = 0; i < 11; i++) {
            long start = System.nanoTime();
            ParseResult result = parsers.parse(TracklistFormat.TEXT, text);
            parseNanos.add(System.nanoTime() - start);
            parsed = result.entries().size();
            start = System.nanoTime();
            floor(text, floorPattern);
            floorNanos.add(System.nanoTime() - start);
        }
        double parseMs = median(parseNanos) / 1e6;
        double floorMs = median(floorNanos) / 1e6;
        rows.add(new Row("parse " + String.format(Locale.ROOT, "%,d", lines) + " lines (median of 11, after 5 warm-up runs)",
                parsed + " entries", ms(parseMs), ms(floorMs) + " (split + one regex per line)", ratio(parseMs / floorMs)));

        MusicDatabaseStandIn standIn = MusicDatabaseStandIn.start().withRecordedCatalog();
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        String content = identificationText(tracks);
        String unknown = unknownText(entries);

        double floorJob;
        double cold;
        double warm;
        int coldRequests;
        String coldOutcome;
        String warmOutcome;
        try (ConfigurableApplicationContext service = service(standIn, postgres)) {
            URI base = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
            // Warm the service's own code paths (HTTP, JWT, R2DBC) on jobs that need no lookup.
            for (int i = 0; i < 3; i++) {
                identify(base, "bench-warmup-" + i, unknown);
            }
            int before = standIn.requests(Service.MUSICBRAINZ).size();
            Job coldJob = identify(base, "bench-cold", content);
            cold = coldJob.seconds();
            coldRequests = standIn.requests(Service.MUSICBRAINZ).size() - before;
            coldOutcome = coldJob.outcome();
            int asked = standIn.requests().size();
            // Each warm run as another user: an empty catalog, so every entry goes to the (cached) databases.
            List<Job> warmJobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                warmJobs.add(identify(base, "bench-warm-" + i, content));
            }
            warm = medianSeconds(warmJobs);
            warmOutcome = warmJobs.get(0).outcome() + ", " + (standIn.requests().size() - asked) + " requests; median of 3";
            List<Job> floorJobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                floorJobs.add(identify(base, "bench-floor-" + i, unknown));
            }
            floorJob = medianSeconds(floorJobs);
        }
        double restarted;
        String restartedOutcome;
        try (ConfigurableApplicationContext service = service(standIn, postgres)) {
            URI base = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
            for (int i = 0; i < 3; i++) {
                identify(base, "bench-warmup-again-" + i, unknown);
            }
            int asked = standIn.requests().size();
            Job job = identify(base, "bench-restarted", content);
            restarted = job.seconds();
            restartedOutcome = job.outcome() + ", " + (standIn.requests().size() - asked) + " requests";
        }
        standIn.assertNoRateLimitBreach();
        double coldCeiling = coldRequests * MUSICBRAINZ_SPACING.toMillis() / 1000.0;
        rows.add(new Row("floor: job of " + entries + " `ID - ID` entries (no lookup; median of 3)", entries + " entries", s(floorJob), "—", "—"));
        rows.add(new Row("identify cold (no cache): " + coldOutcome + ", " + coldRequests + " MusicBrainz requests", entries + " entries",
                s(cold), s(coldCeiling) + " (MusicBrainz requests × 1.05 s)", ratio(cold / coldCeiling)));
        rows.add(new Row("identify warm (in-memory cache, another user): " + warmOutcome, entries + " entries", s(warm),
                s(floorJob) + " (floor)", ratio(warm / floorJob)));
        rows.add(new Row("identify warm after a restart (database cache): " + restartedOutcome, entries + " entries",
                s(restarted), s(floorJob) + " (floor)", ratio(restarted / floorJob)));
        standIn.close();

        StringBuilder out = new StringBuilder();
        out.append("load average before: ").append(loadBefore).append('\n');
        out.append("load average after:  ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append("\n\n");
        out.append("| measurement | size | time | ceiling (same run) | ratio |\n|---|---|---|---|---|\n");
        rows.forEach(row -> out.append("| ").append(row.what()).append(" | ").append(row.size()).append(" | ").append(row.time())
                .append(" | ").append(row.ceiling()).append(" | ").append(row.ratio()).append(" |\n"));
        System.out.print(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/bench-identification.md"), out);
    }

    private record Job(double seconds, JsonNode state) {
        String outcome() {
            return state.path("identified").asInt() + " identified, " + state.path("provisional").asInt() + " provisional, "
                    + state.path("failed").asInt() + " failed";
        }
    }

    /** From the request starting the job to the job seen completed (polled every 10 ms). */
    private static Job identify(URI base, String user, String content) throws Exception {
        String tracklist = post(base, user, "/api/v1/tracklists",
                Map.of("title", "Bench " + UUID.randomUUID(), "format", "TEXT", "content", content)).path("id").asString();
        long start = System.nanoTime();
        String job = post(base, user, "/api/v1/tracklists/" + tracklist + "/discover-tracks", Map.of("processAll", true))
                .path("jobId").asString();
        while (true) {
            JsonNode state = get(base, user, "/api/v1/discovery/jobs/" + job);
            if ("COMPLETED".equals(state.path("status").asString())) {
                return new Job((System.nanoTime() - start) / 1e9, state);
            }
            Thread.sleep(10);
        }
    }

    private static ConfigurableApplicationContext service(MusicDatabaseStandIn standIn, PostgresServer postgres) {
        // As command-line arguments: they override application.yml, as the local stack's do.
        Map<String, String> properties = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("novatune.database.host", postgres.host()),
                Map.entry("novatune.database.port", Integer.toString(postgres.port())),
                Map.entry("novatune.database.name", DATABASE),
                Map.entry("novatune.database.username", postgres.username()),
                Map.entry("novatune.database.password", postgres.password()),
                Map.entry("spring.kafka.bootstrap-servers", KafkaProbe.shared().bootstrapServers()),
                Map.entry("novatune.security.jwt.secret", SECRET),
                Map.entry("novatune.rate-limits.discover-per-minute", "100"),
                Map.entry("novatune.discovery.musicbrainz.base-url", standIn.musicBrainzUrl().toString()),
                Map.entry("novatune.discovery.discogs.base-url", standIn.discogsUrl().toString()),
                Map.entry("novatune.discovery.discogs.token", MusicDatabaseStandIn.DISCOGS_TOKEN));
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(DiscoveryServiceApplication.class).run(arguments);
    }

    private static JsonNode post(URI base, String user, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode get(URI base, String user, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String token(String user) {
        var key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().subject(user).audience(List.of("novatune-api")).issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** Distinct artist + title pairs of the stand-in's recorded MusicBrainz catalog: entries it can identify. */
    private static List<Track> recordedTracks(int count) throws Exception {
        Set<Track> tracks = new LinkedHashSet<>();
        try (InputStream in = MusicDatabaseStandIn.class.getResourceAsStream("/io/novatune/infra/standin/musicdatabases/musicbrainz-recordings.json")) {
            for (JsonNode recording : JSON.readTree(in).required("recordings")) {
                StringBuilder credit = new StringBuilder();
                recording.path("artist-credit").forEach(part -> credit.append(part.path("name").asString(""))
                        .append(part.path("joinphrase").asString("")));
                tracks.add(new Track(credit.toString().strip(), recording.path("title").asString()));
            }
        }
        List<Track> all = new ArrayList<>(tracks);
        List<Track> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(all.get(i % all.size()));
        }
        return chosen;
    }

    private static String identificationText(List<Track> tracks) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tracks.size(); i++) {
            text.append(i + 1).append(". ").append(tracks.get(i).artist()).append(" - ").append(tracks.get(i).title()).append('\n');
        }
        return text.toString();
    }

    private static String unknownText(int entries) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= entries; i++) {
            text.append(i).append(". ID - ID\n");
        }
        return text.toString();
    }

    /** Lines in the shapes of real lists: positions, timestamps, separators, credits, versions, labels. */
    private static String tracklistText(List<Track> tracks, int lines) {
        String[] versions = {"", " (Original Mix)", " (Bicep Remix)", " [Dub]", " (VIP)", " (Extended Mix)"};
        String[] labels = {"", " [Warp]", " (Mute)", " [Ninja Tune]"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            Track track = tracks.get(i % tracks.size());
            String artist = i % 7 == 3 ? track.artist() + " feat. Guest" : i % 11 == 5 ? track.artist() + " & Friend" : track.artist();
            String separator = i % 3 == 0 ? " - " : i % 3 == 1 ? " – " : " — ";
            String prefix = switch (i % 4) {
                case 0 -> (i + 1) + ". ";
                case 1 -> String.format(Locale.ROOT, "[%02d:%02d] ", (i / 60) % 60, i % 60);
                case 2 -> String.format(Locale.ROOT, "%02d ", (i % 99) + 1);
                default -> String.format(Locale.ROOT, "%d:%02d:%02d ", i / 3600, (i / 60) % 60, i % 60);
            };
            String line = i % 97 == 0 ? prefix + "ID - ID" : prefix + artist + separator + track.title()
                    + versions[i % versions.length] + labels[i % labels.length];
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static int floor(String text, Pattern pattern) {
        int matched = 0;
        for (String line : text.split("\n")) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                matched += matcher.group(1).length() > 0 ? 1 : 0;
            }
        }
        return matched;
    }

    private static double medianSeconds(List<Job> jobs) {
        List<Double> sorted = jobs.stream().map(Job::seconds).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String s(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.1f×", ratio);
    }
}
