package io.novatune.trackapi.web;

import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the checked-in OpenAPI document, called by one user on another user's tracks and album: the
 * sweep is generated from the document, so an endpoint added later is swept too.
 */
class CrossUserSweepTest extends LibraryIntegrationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "api", "track-api.openapi.json");
    /** Not a user's resource: the link itself is the credential (a bearer of it plays; PlaybackTest). */
    private static final Set<String> CREDENTIAL_PATHS = Set.of("/api/v1/playback/{link}");
    private static final String UNKNOWN_ID = "01JZZZZZZZZZZZZZZZZZZZZZZZ";

    private record Call(HttpMethod method, String template, String uri) {
    }

    @Test
    void no_operation_lets_one_user_read_or_change_another_users_tracks_and_albums() throws Exception {
        String owner = newUser();
        String intruder = newUser();
        Map<String, Map<String, Object>> before = ownersLibrary(owner);
        List<String> ownerIds = new ArrayList<>(before.keySet());

        JsonNode paths = JsonMapper.builder().build().readTree(Files.readString(DOCUMENT)).required("paths");
        List<Call> swept = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String template = path.getKey();
            if (CREDENTIAL_PATHS.contains(template)) {
                continue;
            }
            for (String method : path.getValue().propertyNames()) {
                for (String uri : urisOf(template, owner, before)) {
                    Call call = new Call(HttpMethod.valueOf(method.toUpperCase()), template, uri);
                    swept.add(call);
                    check(call, intruder, owner, ownerIds);
                }
            }
        }

        assertThat(swept).extracting(Call::template).contains("/api/v1/tracks/{id}", "/api/v1/library/albums/{id}");
        assertThat(swept).hasSizeGreaterThanOrEqualTo(30);
        // Nothing of the owner's changed.
        assertThat(ownersLibrary(owner, before.keySet())).isEqualTo(before);
    }

    /** Every id of the owner a template can take (tracks for a track's path, the album for an album's), or the path. */
    private static List<String> urisOf(String template, String owner, Map<String, Map<String, Object>> library) {
        if (template.contains("{userId}")) {
            return List.of(template.replace("{userId}", owner));
        }
        if (!template.contains("{id}")) {
            return List.of(template);
        }
        boolean album = template.startsWith("/api/v1/library/albums/");
        return library.entrySet().stream()
                .filter(entry -> album == "album".equals(entry.getValue().get("kind")))
                .map(entry -> template.replace("{id}", entry.getKey()))
                .toList();
    }

    private void check(Call call, String intruder, String owner, List<String> ownerIds) {
        EntityExchangeResult<String> answer = send(call, intruder, call.uri());
        int status = answer.getStatus().value();
        assertThat(status).as("%s %s by another user", call.method(), call.uri()).isLessThan(500);
        String body = answer.getResponseBody() == null ? "" : answer.getResponseBody();
        for (String id : ownerIds) {
            // A problem's "instance" echoes the path asked for; nothing else may name the id.
            if (!call.uri().contains(id)) {
                assertThat(body).as("%s %s names another user's %s", call.method(), call.uri(), id).doesNotContain(id);
            }
        }
        if (!call.uri().contains(owner)) {
            assertThat(body).as("%s %s names the other user", call.method(), call.uri()).doesNotContain(owner);
        }
        if (!call.uri().equals(call.template())) {
            // As if it did not exist: the same answer as for an id no one has.
            String unknown = call.template().replace("{id}", UNKNOWN_ID).replace("{userId}", newUser());
            EntityExchangeResult<String> nobodys = send(call, intruder, unknown);
            assertThat(status).as("%s %s by another user", call.method(), call.uri()).isBetween(400, 499);
            assertThat(status).as("%s %s tells another user's id from an unknown one", call.method(), call.uri())
                    .isEqualTo(nobodys.getStatus().value());
        }
    }

    private EntityExchangeResult<String> send(Call call, String user, String uri) {
        WebTestClient.RequestBodySpec request = client().method(call.method()).uri(uri)
                .headers(headers -> {
                    headers.setBearerAuth(TestTokens.forUser(user));
                    headers.setIfMatch("\"0\"");
                });
        WebTestClient.RequestHeadersSpec<?> ready = call.method() == HttpMethod.POST || call.method() == HttpMethod.PATCH
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(bodyFor(call))
                : request;
        return ready.exchange().expectBody(String.class).returnResult();
    }

    /** A body that would change something if it were let through. */
    private static String bodyFor(Call call) {
        if (call.method() == HttpMethod.PATCH) {
            return "{\"title\": \"Taken over\"}";
        }
        return switch (call.template()) {
            case "/api/v1/admin/archive/run" -> "{\"limit\": 100}";
            case "/api/v1/internal/objects/referenced" -> "{\"keys\": []}";
            default -> "{}";
        };
    }

    /** The owner's uploaded, provider, deleted and album tracks, and the album, each as the owner reads it. */
    private Map<String, Map<String, Object>> ownersLibrary(String owner) {
        String uploaded = uploaded(owner, audio(20_000));
        String provider = added(owner, """
                {"title": "Neon Rain", "artist": "Suno v4",
                 "provider": {"name": "suno", "audioUrl": "https://cdn.suno.example/audio/a.mp3",
                              "coverUrl": "https://cdn.suno.example/cover/a.jpg",
                              "videoUrl": "https://cdn.suno.example/video/a.mp4", "expiresAt": "%s"}}
                """.formatted(Instant.now().plus(10, ChronoUnit.DAYS)));
        String deleted = addCatalogTrack(owner);
        client().delete().uri("/api/v1/tracks/{id}", deleted)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(owner)))
                .exchange().expectStatus().isAccepted();
        Map<String, Object> album = client().post().uri("/api/v1/library/albums")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(owner)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Homework", "artist": "Daft Punk", "tracks": [{"title": "Da Funk", "isrc": "GBDUW9600011"}]}""")
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        Set<String> ids = new java.util.LinkedHashSet<>(List.of(uploaded, provider, deleted, (String) album.get("id")));
        return ownersLibrary(owner, ids);
    }

    /** Each id as its owner reads it now: the track row or the album, with what the sweep could have changed. */
    private Map<String, Map<String, Object>> ownersLibrary(String owner, Set<String> ids) {
        Map<String, Map<String, Object>> library = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> row = db.sql("""
                            SELECT 'track' AS kind, title, status, version::text AS version, archive_due_at::text AS due
                              FROM tracks WHERE id = :id AND user_id = :owner
                            UNION ALL
                            SELECT 'album', title, listing_status, listing_attempts::text, listing_due_at::text
                              FROM albums WHERE id = :id AND user_id = :owner""")
                    .bind("id", id).bind("owner", owner)
                    .fetch().one().block();
            library.put(id, row);
        }
        return library;
    }
}
