package io.novatune.trackapi;

import io.novatune.trackapi.upload.MultipartBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Helpers of the tests that upload, play and count tracks: HTTP as a client, and S3 and the database as they are. */
public abstract class LibraryIntegrationTest extends TrackApiIntegrationTest {

    protected static final String METADATA = """
            {"title": "Windowlicker", "artist": "Aphex Twin", "album": "Windowlicker EP", "isrc": "GB-AHT-99-00001",
             "genre": "IDM", "bpm": 127.5, "musicalKey": "Am", "durationMs": 366000}
            """;

    protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected S3AsyncClient s3;

    protected WebTestClient client() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    protected static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    /** Bytes no compression or deduplication could fake. */
    protected static byte[] audio(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    protected static MultipartBody upload(byte[] audio) {
        return MultipartBody.create().json("metadata", METADATA).file("file", "track.mp3", "audio/mpeg", audio);
    }

    /** Sends the body with its {@code Content-Length}. */
    protected WebTestClient.ResponseSpec post(String user, MultipartBody body) {
        return client().post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MultipartBody.contentType())
                .bodyValue(body.bytes())
                .exchange();
    }

    /** Sends the body chunked, with no {@code Content-Length}: only counting the bytes can limit it. */
    protected WebTestClient.ResponseSpec postChunked(String user, MultipartBody body) {
        return client().post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MultipartBody.contentType())
                .body(body.chunks(), DataBuffer.class)
                .exchange();
    }

    /** Uploads and answers the track's id. */
    protected String uploaded(String user, byte[] audio) {
        Map<String, Object> track = post(user, upload(audio)).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return (String) track.get("id");
    }

    protected String addCatalogTrack(String user) {
        return added(user, """
                {"title": "Da Funk", "artist": "Daft Punk", "isrc": "GBDUW9600011",
                 "catalogRef": {"service": "spotify", "id": "0MyY4WcN7DIfbSmp5yej5z"}}
                """);
    }

    protected String added(String user, String json) {
        Map<String, Object> track = client().post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return (String) track.get("id");
    }

    protected List<S3Object> objectsOf(String user) {
        return s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("audio/" + user + "/")).join().contents();
    }

    protected List<String> multipartUploadsOf(String user) {
        return s3.listMultipartUploads(list -> list.bucket(BUCKET).prefix("audio/" + user + "/")).join()
                .uploads().stream().map(upload -> upload.key()).toList();
    }

    protected byte[] object(String key) {
        return s3.getObject(get -> get.bucket(BUCKET).key(key), AsyncResponseTransformer.toBytes()).join().asByteArray();
    }

    protected void putObject(String key, String contentType, byte[] content) {
        s3.putObject(put -> put.bucket(BUCKET).key(key).contentType(contentType), AsyncRequestBody.fromBytes(content)).join();
    }

    protected long trackRowsOf(String user) {
        return db.sql("SELECT count(*) AS n FROM tracks WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    protected void setQuotaLimit(String user, long limitBytes) {
        db.sql("""
                        INSERT INTO user_quota (user_id, used_bytes, limit_bytes) VALUES (:user, 0, :limit)
                        ON CONFLICT (user_id) DO UPDATE SET limit_bytes = excluded.limit_bytes
                        """)
                .bind("user", user).bind("limit", limitBytes).then().block();
    }

    protected long usedBytes(String user) {
        return db.sql("SELECT used_bytes FROM user_quota WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("used_bytes", Long.class)).one().defaultIfEmpty(0L).block();
    }

    protected void execute(String sql, String trackId) {
        db.sql(sql).bind("id", trackId).then().block();
    }
}
