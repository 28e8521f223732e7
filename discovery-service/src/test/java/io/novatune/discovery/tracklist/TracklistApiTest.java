package io.novatune.discovery.tracklist;

import io.novatune.discovery.DiscoveryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TracklistApiTest extends DiscoveryIntegrationTest {

    private static final String TEXT = """
            Tracklist:
            1. [00:00] Bicep - Glue
            2. [04:30] Hot Chip - Flutes (Sasha Remix) [Domino]
            3. ID - ID
            4. Daft Punk - Around The World w/ Chic - Good Times
            thanks for listening
            """;

    private final String user = "user-" + UUID.randomUUID();

    @Test
    void a_text_tracklist_answers_201_with_its_parsed_entries_and_unparsed_lines() {
        JsonNode created = post(user, Map.of("title", "Warehouse", "djName", "DJ Nova", "format", "TEXT", "content", TEXT,
                "source", Map.of("type", "MIX", "url", "https://example.com/mix")))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/tracklists/[0-9A-Z]{26}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.at("/entries").size()).isEqualTo(5);
        assertThat(created.at("/entries/1/remix").asString()).isEqualTo("Sasha Remix");
        assertThat(created.at("/entries/1/label").asString()).isEqualTo("Domino");
        assertThat(created.at("/entries/1/cueTimeMs").asLong()).isEqualTo(270_000);
        assertThat(created.at("/entries/2/unknown").asBoolean()).isTrue();
        assertThat(created.at("/entries/3/position").asInt()).isEqualTo(4);
        assertThat(created.at("/entries/4/position").asInt()).isEqualTo(4);
        assertThat(created.at("/unparsed").size()).isEqualTo(2);
        assertThat(created.at("/unparsed/0/lineNumber").asInt()).isEqualTo(1);
        assertThat(created.at("/unparsed/1/line").asString()).isEqualTo("thanks for listening");
        assertThat(created.at("/source/type").asString()).isEqualTo("MIX");

        JsonNode read = get(user, "/api/v1/tracklists/" + created.at("/id").asString())
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read).isEqualTo(created);
    }

    @Test
    void another_users_tracklist_answers_404_as_an_unknown_one_does() {
        String id = createText(user, "Mine");

        get("someone-else", "/api/v1/tracklists/" + id).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get(user, "/api/v1/tracklists/01ARZ3NDEKTSV4RRFFQ69G5FAV").expectStatus().isNotFound();
        http.delete().uri("/api/v1/tracklists/" + id).headers(h -> h.setBearerAuth(tokenFor("someone-else")))
                .exchange().expectStatus().isNotFound();
        get(user, "/api/v1/tracklists/" + id).expectStatus().isOk();
    }

    @Test
    void a_tracklist_entered_by_hand_keeps_its_entries() {
        JsonNode created = post(user, Map.of("title", "By hand", "entries", List.of(
                Map.of("artist", "Bicep", "title", "Glue", "cueTime", "1:02:28"),
                Map.of("position", 5, "artist", "Burial", "title", "Archangel", "label", "Hyperdub", "catalogNumber", "HDB001"))))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.at("/format").asString()).isEqualTo("MANUAL");
        assertThat(created.at("/entries/0/cueTimeMs").asLong()).isEqualTo(3_748_000);
        assertThat(created.at("/entries/0/cueTime").asString()).isEqualTo("1:02:28");
        assertThat(created.at("/entries/1/position").asInt()).isEqualTo(5);
        assertThat(created.at("/entries/1/catalogNumber").asString()).isEqualTo("HDB001");
    }

    @Test
    void a_cue_file_uploaded_as_multipart_is_parsed() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource("""
                PERFORMER "DJ Nova"
                TITLE "Live"
                TRACK 01 AUDIO
                  TITLE "Glue"
                  PERFORMER "Bicep"
                  INDEX 01 00:10:37
                """.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "live-set.cue";
            }
        });
        JsonNode created = http.post().uri("/api/v1/tracklists").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.at("/title").asString()).isEqualTo("live-set");
        assertThat(created.at("/djName").asString()).isEqualTo("DJ Nova");
        assertThat(created.at("/format").asString()).isEqualTo("CUE");
        assertThat(created.at("/entries/0/cueTimeMs").asLong()).isEqualTo(10_493);
    }

    @Test
    void bad_input_answers_400_problem_json_naming_the_field() {
        assertBadRequest(Map.of("format", "TEXT", "content", "Bicep - Glue"), "title");
        assertBadRequest(Map.of("title", "x"), "content");
        assertBadRequest(Map.of("title", "x", "content", "Bicep - Glue"), "format");
        assertBadRequest(Map.of("title", "x\u0000", "format", "TEXT", "content", "Bicep - Glue"), "title");
        assertBadRequest(Map.of("title", "x", "format", "TEXT", "content", "Bicep - Glue\u0000"), "content");
        assertBadRequest(Map.of("title", "x", "entries", List.of(Map.of("artist", "A", "title", "B", "cueTime", "soon"))),
                "entries[0].cueTime");
        assertBadRequest(Map.of("title", "x", "format", "TEXT", "content", "A - B\n".repeat(51)), "content");
        post(user, Map.of("title", "x", "format", "WAV", "content", "A - B")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get(user, "/api/v1/tracklists?cursor=nonsense").expectStatus().isBadRequest();
    }

    @Test
    void content_beyond_the_size_limit_answers_413() {
        post(user, Map.of("title", "x", "format", "TEXT", "content", "a".repeat(65 * 1024)))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_list_pages_with_a_cursor_and_searches_title_and_dj() {
        for (int i = 0; i < 3; i++) {
            createText(user, "Sunrise set " + i);
        }
        post(user, Map.of("title", "Other", "djName", "Sunrise Collective", "format", "TEXT", "content", "A - B"))
                .expectStatus().isCreated();
        createText(user, "Unrelated");

        JsonNode first = page("/api/v1/tracklists?search=sunrise&limit=3");
        assertThat(first.at("/items").size()).isEqualTo(3);
        assertThat(first.at("/hasMore").asBoolean()).isTrue();
        assertThat(first.at("/items/0/title").asString()).isEqualTo("Other");
        JsonNode second = page("/api/v1/tracklists?search=sunrise&limit=3&cursor=" + first.at("/nextCursor").asString());
        assertThat(second.at("/items").size()).isEqualTo(1);
        assertThat(second.at("/items/0/title").asString()).isEqualTo("Sunrise set 0");
        assertThat(second.at("/hasMore").asBoolean()).isFalse();
        assertThat(page("/api/v1/tracklists?limit=100").at("/items").size()).isEqualTo(5);
    }

    @Test
    void patching_a_tracklist_and_an_entry_changes_only_the_given_fields() {
        String id = createText(user, "Before");

        http.patch().uri("/api/v1/tracklists/" + id).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "After"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("After")
                .jsonPath("$.entries.length()").isEqualTo(5);
        http.patch().uri("/api/v1/tracklists/" + id + "/entries/3").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("artist", "Four Tet", "title", "Baby"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[2].artist").isEqualTo("Four Tet")
                .jsonPath("$.entries[2].unknown").isEqualTo(false)
                .jsonPath("$.entries[1].artist").isEqualTo("Hot Chip");
        http.patch().uri("/api/v1/tracklists/" + id + "/entries/99").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("artist", "X"))
                .exchange().expectStatus().isNotFound();
        http.patch().uri("/api/v1/tracklists/" + id + "/entries/3").headers(h -> h.setBearerAuth(tokenFor("someone-else")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("artist", "X"))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void the_cue_export_has_a_track_per_entry_with_its_index() {
        String id = createText(user, "Cue me");

        String cue = get(user, "/api/v1/tracklists/" + id + "/cue").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(cue).contains("TITLE \"Cue me\"", "TRACK 02 AUDIO", "TITLE \"Flutes (Sasha Remix)\"",
                "PERFORMER \"Hot Chip\"", "INDEX 01 04:30:00", "TRACK 05 AUDIO");
    }

    @Test
    void a_deleted_tracklist_is_gone() {
        String id = createText(user, "Doomed");

        http.delete().uri("/api/v1/tracklists/" + id).headers(h -> h.setBearerAuth(tokenFor(user)))
                .exchange().expectStatus().isNoContent();
        get(user, "/api/v1/tracklists/" + id).expectStatus().isNotFound();
    }

    @Test
    void imports_are_counted_with_their_parsed_entries_and_unparsed_lines_in_prometheus() {
        createText(user, "Counted");

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("tracklist_imports_total\\{format=\"TEXT\"[^}]*} [1-9]")
                .containsPattern("tracklist_entries_parsed_total\\{format=\"TEXT\"[^}]*} [1-9]")
                .containsPattern("tracklist_lines_unparsed_total\\{format=\"TEXT\"[^}]*} [1-9]");
    }

    @Test
    void without_a_token_the_api_answers_401_problem_json() {
        http.get().uri("/api/v1/tracklists").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertBadRequest(Map<String, Object> body, String field) {
        post(user, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private String createText(String owner, String title) {
        return post(owner, Map.of("title", title, "format", "TEXT", "content", TEXT)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().at("/id").asString();
    }

    private JsonNode page(String uri) {
        return get(user, uri).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String owner, Map<String, Object> body) {
        return http.post().uri("/api/v1/tracklists").headers(h -> h.setBearerAuth(tokenFor(owner)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String owner, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(owner))).exchange();
    }
}
