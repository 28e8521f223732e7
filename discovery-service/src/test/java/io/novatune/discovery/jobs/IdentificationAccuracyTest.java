package io.novatune.discovery.jobs;

import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.discovery.catalog.CatalogTrack;
import io.novatune.discovery.discogs.DiscogsClient;
import io.novatune.discovery.discogs.DiscogsProperties;
import io.novatune.discovery.identification.TrackKey;
import io.novatune.discovery.lookup.RequestPolicy;
import io.novatune.discovery.musicbrainz.MusicBrainzClient;
import io.novatune.discovery.musicbrainz.MusicBrainzProperties;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identification accuracy on a fixture of entries with known answers ({@code accuracy/entries.json}: the recorded
 * catalog's tracks written as DJs write them — case, {@code ft.}, missing diacritics, a dropped "The", "(Original
 * Mix)", a label, typos — tracks only Discogs has, versions no database has, tracks nobody has), through the real
 * clients against the stand-in (at a faster rate limit than MusicBrainz's, so the run takes seconds) and a user with
 * an empty catalog. Precision and recall per threshold go to {@code target/identification-accuracy.md}
 * ({@code docs/benchmarks.md} quotes them).
 */
class IdentificationAccuracyTest {

    private static final MusicDatabaseStandIn STAND_IN = MusicDatabaseStandIn.start().withRecordedCatalog()
            .withRateLimit(Service.MUSICBRAINZ, 50, Duration.ofSeconds(1))
            .withRateLimit(Service.DISCOGS, 50, Duration.ofSeconds(1));

    private record Judged(JsonNode entry, String predicted, Double distance) {

        boolean correct() {
            return entry.path("expected").asString().equals(predicted);
        }

        boolean within(double threshold) {
            return distance != null && distance <= threshold;
        }
    }

    private record Row(String threshold, double maxDistance, int answered, int correct, double precision, double recall) {
    }

    @AfterAll
    static void stop() {
        STAND_IN.close();
    }

    @Test
    void precision_at_strong_is_at_least_095_and_recall_at_medium_at_least_085() throws Exception {
        RequestPolicy fast = new RequestPolicy(50, Duration.ofSeconds(1), Duration.ofSeconds(10), 4, Duration.ofMillis(100),
                Duration.ofSeconds(5));
        var builders = new StaticListableBeanFactory().getBeanProvider(WebClient.Builder.class);
        EntryIdentifier identifier = new EntryIdentifier(new EmptyCatalog(), List.of(
                new MusicBrainzClient(new MusicBrainzProperties(true, STAND_IN.musicBrainzUrl(), "NovaTune-accuracy-test/1 ( test@novatune.example )",
                        10, fast), builders),
                new DiscogsClient(new DiscogsProperties(STAND_IN.discogsUrl(), MusicDatabaseStandIn.DISCOGS_TOKEN,
                        "NovaTune-accuracy-test/1", 10, fast), builders)));
        List<JsonNode> entries = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/accuracy/entries.json")) {
            JsonMapper.builder().build().readTree(in).required("entries").forEach(entries::add);
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(100);

        List<Judged> judged = Flux.range(0, entries.size())
                .flatMapSequential(i -> judge(identifier, i, entries.get(i)), 5)
                .collectList().block(Duration.ofMinutes(2));

        long known = judged.stream().filter(j -> !j.entry().path("expected").asString().equals("none")).count();
        List<Row> rows = new ArrayList<>();
        for (Object[] threshold : new Object[][] {{"strong (≤ 0.04)", 0.04}, {"medium (≤ 0.25)", 0.25}, {"any candidate", 1.0}}) {
            double max = (double) threshold[1];
            List<Judged> answered = judged.stream().filter(j -> j.within(max)).toList();
            long correct = answered.stream().filter(Judged::correct).count();
            rows.add(new Row((String) threshold[0], max, answered.size(), (int) correct,
                    answered.isEmpty() ? 1.0 : (double) correct / answered.size(), (double) correct / known));
        }
        StringBuilder report = new StringBuilder("| threshold | answered | correct | precision | recall |\n|---|---|---|---|---|\n");
        rows.forEach(row -> report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n", row.threshold(),
                row.answered(), row.correct(), row.precision(), row.recall())));
        report.append(String.format(Locale.ROOT, "%n%d entries, %d with a known answer, %d whose answer is \"none\".%n%nWrong or missed:%n",
                judged.size(), known, judged.size() - known));
        judged.stream().filter(j -> !j.correct() || !j.within(0.25)).forEach(j -> report.append(String.format(Locale.ROOT,
                "- %s: %s - %s (%s) → %s at %s%n", j.entry().path("note").asString(), j.entry().path("artist").asString(),
                j.entry().path("title").asString(), j.entry().path("remix").asString(""), j.predicted(), j.distance())));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "identification-accuracy.md"), report);
        System.out.println(report);

        assertThat(rows.get(0).precision()).as("precision at strong").isGreaterThanOrEqualTo(0.95);
        assertThat(rows.get(1).recall()).as("recall at medium").isGreaterThanOrEqualTo(0.85);
        STAND_IN.assertNoRateLimitBreach();
    }

    private static Mono<Judged> judge(EntryIdentifier identifier, int seq, JsonNode entry) {
        JobEntry jobEntry = new JobEntry("accuracy", seq, seq + 1, text(entry, "artist"), text(entry, "title"),
                text(entry, "remix"), text(entry, "label"), false);
        return identifier.identify("accuracy-user", jobEntry).map(outcome -> {
            if (outcome.track() == null) {
                return new Judged(entry, "none", null);
            }
            String predicted = outcome.track().musicBrainzId() != null ? "musicbrainz:" + outcome.track().musicBrainzId()
                    : "discogs:" + outcome.track().discogsId();
            return new Judged(entry, predicted, outcome.distance());
        });
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    /** A user whose catalog is empty: every entry goes to the databases. */
    private static final class EmptyCatalog extends CatalogStore {

        EmptyCatalog() {
            super(null, null);
        }

        @Override
        public Mono<List<CatalogTrack>> similar(String userId, TrackKey key) {
            return Mono.just(List.of());
        }
    }
}
