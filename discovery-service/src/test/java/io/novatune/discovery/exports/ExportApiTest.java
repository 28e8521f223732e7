package io.novatune.discovery.exports;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.catalog.CatalogFixture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;

class ExportApiTest extends DiscoveryIntegrationTest {

    /** A title a spreadsheet would run as a formula, with a quote, a comma and a newline for the CSV quoting. */
    private static final String NASTY = "=HYPERLINK(\"http://evil.example\", \"Live, Part\nTwo\")";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String user = "user-" + UUID.randomUUID();
    private CatalogFixture fixture;
    private String nasty;
    private String plain;

    @BeforeEach
    void fixture() {
        fixture = new CatalogFixture(db, store, user);
        String mix = fixture.tracklist("Mix", "MIX", 3);
        Instant old = Instant.now().minus(20, ChronoUnit.DAYS);
        nasty = fixture.discover(track("@Artist", NASTY, "Dub, \"Mix\"", "-Label", "House", "GBAAA2600001", null, null),
                mix, 1, "STRONG", old);
        plain = fixture.discover(track("Bicep", "Glue", null, "Ninja Tune", "Techno", null, null, null), mix, 2, "STRONG",
                Instant.now());
        post("/api/v1/want-list", Map.of("trackId", nasty, "priority", 5, "notes", "+1 for the set")).expectStatus().isCreated();
        post("/api/v1/want-list", Map.of("trackId", plain)).expectStatus().isCreated();
    }

    @Test
    void the_want_list_csv_quotes_and_neutralises_formulas_and_parses_back_to_the_neutralised_values() throws IOException {
        EntityExchangeResult<byte[]> result = export("/api/v1/want-list/export?format=csv", "want-list", "csv");
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        List<CSVRecord> rows = parse(result);

        assertThat(rows.get(0).values()).containsExactly("artist", "title", "version", "label", "isrc", "priority",
                "status", "notes", "purchaseDate", "addedAt", "trackId");
        assertThat(rows).hasSize(3);
        CSVRecord row = rows.stream().filter(r -> r.get(10).equals(nasty)).findFirst().orElseThrow();
        assertThat(row.get(0)).isEqualTo("'@Artist");
        assertThat(row.get(1)).isEqualTo("'" + NASTY);
        assertThat(row.get(2)).isEqualTo("Dub, \"Mix\"");
        assertThat(row.get(3)).isEqualTo("'-Label");
        assertThat(row.get(4)).isEqualTo("GBAAA2600001");
        assertThat(row.get(5)).isEqualTo("5");
        assertThat(row.get(6)).isEqualTo("wanted");
        assertThat(row.get(7)).isEqualTo("'+1 for the set");
        assertThat(row.get(8)).isEmpty();
        assertThat(Instant.parse(row.get(9))).isBefore(Instant.now());
        // And raw: no cell of the file starts with a formula character, quoted or not.
        String text = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(",=", ",\"=", ",@", ",\"@");
    }

    @Test
    void the_want_list_as_txt_is_one_line_per_track_a_dj_can_paste_and_as_json_a_valid_array() throws IOException {
        String txt = new String(export("/api/v1/want-list/export?format=txt", "want-list", "txt").getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(txt.split("\n")).containsExactly("Bicep - Glue [Ninja Tune]",
                "@Artist - " + NASTY.replace("\n", " ") + " (Dub, \"Mix\") [-Label]");

        JsonNode json = JSON.readTree(export("/api/v1/want-list/export?format=json", "want-list", "json").getResponseBody());
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(0).at("/trackId").asString()).isEqualTo(plain);
        assertThat(json.get(1).at("/title").asString()).as("JSON needs no neutralising").isEqualTo(NASTY);
        assertThat(json.get(1).at("/priority").asInt()).isEqualTo(5);
    }

    @Test
    void the_catalog_exports_filter_by_genre_and_discovered_after() throws IOException {
        List<CSVRecord> all = parse(export("/api/v1/catalog/export?format=csv", "catalog", "csv"));
        assertThat(all.get(0).values()).containsExactly("artist", "title", "version", "label", "catalogNumber", "genre",
                "isrc", "discoveryCount", "firstDiscovered", "lastSeen", "confidence", "method", "trackId");
        assertThat(all).hasSize(3);
        assertThat(all.get(1).get(1)).isEqualTo("'" + NASTY);

        List<CSVRecord> house = parse(export("/api/v1/catalog/export?format=csv&genre=house", "catalog", "csv"));
        assertThat(house).hasSize(2);
        assertThat(house.get(1).get(12)).isEqualTo(nasty);
        assertThat(house.get(1).get(7)).isEqualTo("1");

        String recent = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        String txt = new String(export("/api/v1/catalog/export?format=txt&discoveredAfter=" + recent, "catalog", "txt")
                .getResponseBody(), StandardCharsets.UTF_8);
        assertThat(txt).isEqualTo("Bicep - Glue [Ninja Tune]\n");

        JsonNode none = JSON.readTree(export("/api/v1/catalog/export?format=json&genre=jazz", "catalog", "json")
                .getResponseBody());
        assertThat(none.isArray()).isTrue();
        assertThat(none.size()).isZero();
    }

    @Test
    void a_json_export_of_many_rows_is_one_valid_array_across_its_chunks() throws IOException {
        String prefix = UlidCreator.getMonotonicUlid().toString().substring(0, 16);
        db.sql("""
                INSERT INTO catalog_tracks (id, user_id, artist, title, artist_key, title_key, version_key, genre,
                                            created_at, updated_at)
                SELECT :prefix || lpad(to_hex(i), 10, '0'), :userId, 'Bulk', 'Song ' || i, 'bulk', 'song ' || i, '',
                       'Ambient', now(), now()
                  FROM generate_series(1, 450) i""")
                .bind("prefix", prefix).bind("userId", user).then().block();

        JsonNode json = JSON.readTree(export("/api/v1/catalog/export?format=json&genre=Ambient", "catalog", "json")
                .getResponseBody());
        assertThat(json.size()).isEqualTo(450);
        assertThat(json.get(449).at("/artist").asString()).isEqualTo("Bulk");
        assertThat(parse(export("/api/v1/catalog/export?format=csv&genre=Ambient", "catalog", "csv"))).hasSize(451);
    }

    @Test
    void an_unknown_format_is_a_bad_request() {
        for (String uri : List.of("/api/v1/want-list/export?format=xlsx", "/api/v1/catalog/export?format=xml")) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        }
    }

    @Test
    void an_invalid_filter_is_a_bad_request_before_any_row_is_written() {
        String tooLong = "x".repeat(201);
        for (String format : List.of("csv", "json", "txt")) {
            http.get().uri(uriBuilder -> uriBuilder.path("/api/v1/catalog/export").queryParam("format", format)
                            .queryParam("genre", tooLong).build())
                    .headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                    .expectStatus().value(status -> assertThat(status).as(format).isEqualTo(400))
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("filter");
        }
        http.get().uri("/api/v1/catalog/export?format=csv&discoveredAfter=yesterday")
                .headers(h -> h.setBearerAuth(tokenFor(user))).exchange().expectStatus().isBadRequest();
    }

    @Test
    void an_export_holds_only_the_users_own_rows() {
        String stranger = "user-" + UUID.randomUUID();
        for (String uri : List.of("/api/v1/want-list/export?format=json", "/api/v1/catalog/export?format=json")) {
            byte[] body = http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(stranger))).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("[]");
        }
    }

    private EntityExchangeResult<byte[]> export(String uri, String what, String extension) {
        EntityExchangeResult<byte[]> result = http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        ContentDisposition disposition = result.getResponseHeaders().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename())
                .isEqualTo("novatune-" + what + "-" + LocalDate.now(ZoneOffset.UTC) + "." + extension);
        return result;
    }

    private static List<CSVRecord> parse(EntityExchangeResult<byte[]> result) throws IOException {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(new String(result.getResponseBody(), StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }
}
