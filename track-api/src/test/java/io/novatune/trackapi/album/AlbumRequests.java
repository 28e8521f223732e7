package io.novatune.trackapi.album;

import io.novatune.trackapi.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

/** The album endpoints as the owner's client calls them, for the album tests. */
final class AlbumRequests {

    private AlbumRequests() {
    }

    static WebTestClient.ResponseSpec add(WebTestClient client, String user, String json) {
        return client.post().uri("/api/v1/library/albums")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    static WebTestClient.ResponseSpec get(WebTestClient client, String user, String albumId) {
        return client.get().uri("/api/v1/library/albums/{id}", albumId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    static WebTestClient.ResponseSpec refresh(WebTestClient client, String user, String albumId) {
        return client.post().uri("/api/v1/library/albums/{id}/refresh-listing", albumId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tracksOf(Map<String, Object> album) {
        return (List<Map<String, Object>>) album.get("tracks");
    }
}
