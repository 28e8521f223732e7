package io.novatune.discovery.web;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.catalog.CatalogFixture;
import com.github.f4b6a3.ulid.UlidCreator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;

/** Another user's ids answer 404 on every endpoint that takes one, as unknown ids do; lists show the user's own only. */
class CrossUserAccessTest extends DiscoveryIntegrationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "api", "discovery-service.openapi.json");
    /** Bodies that would change something if they were let through, by "method template". */
    private static final Map<String, Object> BODIES = Map.of(
            "post /api/v1/catalog/tracks/{id}/identify", Map.of("artist", "X", "title", "Y"),
            "patch /api/v1/tracklists/{id}", Map.of("title", "Mine now"),
            "patch /api/v1/tracklists/{id}/entries/{position}", Map.of("artist", "X", "title", "Y"),
            "post /api/v1/tracklists/{id}/discover-tracks", Map.of("processAll", true),
            "patch /api/v1/want-list/{id}", Map.of("status", "unavailable", "priority", 1));

    private final String owner = "owner-" + UUID.randomUUID();
    private final String stranger = "stranger-" + UUID.randomUUID();
    private String tracklist;
    private String track;
    private String entry;
    private String strangersEntry;
    private String strangersTrack;
    private String job;

    @BeforeEach
    void fixture() {
        CatalogFixture owners = new CatalogFixture(db, store, owner);
        tracklist = owners.tracklist("Owner's mix", "MIX", 2);
        track = owners.discover(track("Hot Chip", "Flutes", null, "Domino", "Electronic", null, null, "123"), tracklist, 1,
                "STRONG", Instant.now());
        entry = body(call(owner, HttpMethod.POST, "/api/v1/want-list", Map.of("trackId", track)).expectStatus().isCreated())
                .at("/id").asString();
        // A finished job of the owner's, written as the job runner leaves one (a running job would add to the catalog).
        job = UlidCreator.getMonotonicUlid().toString();
        db.sql("""
                INSERT INTO discovery_jobs (id, user_id, tracklist_id, status, total, created_at, updated_at, finished_at, event_id)
                VALUES (:id, :owner, :tracklist, 'COMPLETED', 0, now(), now(), now(), gen_random_uuid())""")
                .bind("id", job).bind("owner", owner).bind("tracklist", tracklist).fetch().rowsUpdated().block();

        CatalogFixture strangers = new CatalogFixture(db, store, stranger);
        String theirMix = strangers.tracklist("Stranger's mix", "RADIO", 1);
        strangersTrack = strangers.discover(track("Bicep", "Glue", null, null, null, null, null, null), theirMix, 1,
                "STRONG", Instant.now());
        strangersEntry = body(call(stranger, HttpMethod.POST, "/api/v1/want-list", Map.of("trackId", strangersTrack))
                .expectStatus().isCreated()).at("/id").asString();
    }

    @Test
    void every_endpoint_taking_an_id_answers_404_for_another_users_id() throws Exception {
        record Call(HttpMethod method, String uri, Object body) {
        }
        // Every operation of the checked-in document whose path names a resource, with the owner's ids: an endpoint
        // added later is swept too, and one with a path parameter this test cannot fill fails it.
        List<Call> calls = new ArrayList<>();
        JsonNode paths = JsonMapper.builder().build().readTree(Files.readString(DOCUMENT)).required("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String template = path.getKey();
            if (!template.contains("{")) {
                continue;
            }
            String uri = template.replace("{tracklistId}", tracklist).replace("{position}", "1").replace("{id}", idFor(template));
            assertThat(uri).as("a path parameter of %s this sweep cannot fill", template).doesNotContain("{");
            for (String method : path.getValue().propertyNames()) {
                calls.add(new Call(HttpMethod.valueOf(method.toUpperCase()), uri, BODIES.get(method + " " + template)));
            }
        }
        assertThat(calls).hasSizeGreaterThanOrEqualTo(15);
        // And the operations that take the owner's ids in their body.
        calls.addAll(List.of(
                new Call(HttpMethod.POST, "/api/v1/want-list", Map.of("trackId", track)),
                new Call(HttpMethod.POST, "/api/v1/want-list", Map.of("trackId", strangersTrack, "sourceTracklistId", tracklist)),
                new Call(HttpMethod.POST, "/api/v1/want-list/bulk", Map.of("action", "add-tracklist", "tracklistId", tracklist)),
                new Call(HttpMethod.POST, "/api/v1/want-list/bulk",
                        Map.of("action", "set-status", "ids", List.of(strangersEntry, entry), "status", "purchased")),
                new Call(HttpMethod.POST, "/api/v1/want-list/bulk", Map.of("action", "delete", "ids", List.of(strangersEntry, entry)))));
        for (Call call : calls) {
            call(stranger, call.method(), call.uri(), call.body())
                    .expectStatus().value(status -> assertThat(status).as(call.method() + " " + call.uri()).isEqualTo(404))
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        // Nothing of the owner's changed, and nothing of the stranger's either (the bulks failed whole).
        JsonNode mine = body(call(owner, HttpMethod.GET, "/api/v1/want-list/" + entry, null).expectStatus().isOk());
        assertThat(mine.at("/status").asString()).isEqualTo("wanted");
        assertThat(mine.at("/priority").asInt()).isEqualTo(3);
        JsonNode theirs = body(call(stranger, HttpMethod.GET, "/api/v1/want-list/" + strangersEntry, null).expectStatus().isOk());
        assertThat(theirs.at("/status").asString()).isEqualTo("wanted");
        assertThat(body(call(owner, HttpMethod.GET, "/api/v1/tracklists/" + tracklist, null).expectStatus().isOk())
                .at("/title").asString()).isEqualTo("Owner's mix");
        JsonNode details = body(call(owner, HttpMethod.GET, "/api/v1/catalog/tracks/" + track, null).expectStatus().isOk());
        assertThat(details.at("/artist").asString()).isEqualTo("Hot Chip");
        assertThat(body(call(stranger, HttpMethod.GET, "/api/v1/want-list", null).expectStatus().isOk()).at("/items").size())
                .isEqualTo(1);
    }

    @Test
    void lists_show_only_the_users_own_data() {
        assertThat(ids(owner, "/api/v1/catalog/tracks", "/id")).containsExactly(track);
        assertThat(ids(stranger, "/api/v1/catalog/tracks", "/id")).containsExactly(strangersTrack);
        assertThat(ids(owner, "/api/v1/want-list", "/id")).containsExactly(entry);
        assertThat(ids(stranger, "/api/v1/want-list", "/id")).containsExactly(strangersEntry);
        assertThat(ids(owner, "/api/v1/tracklists", "/id")).containsExactly(tracklist);
        assertThat(ids(stranger, "/api/v1/catalog/tracks?artist=Hot", "/id")).isEmpty();
        assertThat(body(call(stranger, HttpMethod.GET, "/api/v1/discovery/statistics", null).expectStatus().isOk())
                .at("/tracksDiscovered").asLong()).isEqualTo(1);
    }

    /** The owner's resource a path's {@code {id}} names, by the path's collection. */
    private String idFor(String template) {
        if (template.startsWith("/api/v1/tracklists/")) {
            return tracklist;
        }
        if (template.startsWith("/api/v1/catalog/tracks/")) {
            return track;
        }
        if (template.startsWith("/api/v1/want-list/")) {
            return entry;
        }
        if (template.startsWith("/api/v1/discovery/jobs/")) {
            return job;
        }
        return "{id}";
    }

    private List<String> ids(String user, String uri, String pointer) {
        List<String> ids = new ArrayList<>();
        body(call(user, HttpMethod.GET, uri, null).expectStatus().isOk()).at("/items")
                .forEach(item -> ids.add(item.at(pointer).asString()));
        return ids;
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec call(String user, HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri).headers(h -> h.setBearerAuth(tokenFor(user)));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
