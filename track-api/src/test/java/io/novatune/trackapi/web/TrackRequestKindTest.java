package io.novatune.trackapi.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class TrackRequestKindTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET, /api/v1/tracks, LIST",
            "GET, /api/v1/%74racks, LIST",
            "GET, /api/v1/tr%61cks?limit=1, LIST",
            "GET, /api/v1/tracks;x=1, LIST",
            "GET, /api/%761/tracks/01ARZ3NDEKTSV4RRFFQ69G5FAV, GET",
            "PATCH, /api/v1/%74racks/01ARZ3NDEKTSV4RRFFQ69G5FAV, UPDATE",
            "DELETE, /api/v1/tracks/01ARZ3NDEKTSV4RRFFQ69G5FAV, DELETE",
            "POST, /api/v1/tracks, ADD",
            "POST, /api/v1/%74racks, ADD",
            "POST, /api/v1/library/albums, ADD_ALBUM",
            "POST, /api/v1/library/albums/01ARZ3NDEKTSV4RRFFQ69G5FAV/refresh-listing, ADD_ALBUM",
            "POST, /api/v1/tracks/01ARZ3NDEKTSV4RRFFQ69G5FAV/archive, ARCHIVE"})
    void a_library_request_is_recognised_on_the_path_the_router_matches_percent_encoded_or_not(
            String method, String path, TrackRequestKind kind) {
        assertThat(TrackRequestKind.of(MockServerHttpRequest.method(HttpMethod.valueOf(method), URI.create(path)).build()))
                .isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT, /api/v1/tracks", "GET, /api/v1/tracks/a/stream", "POST, /api/v1/tracks/a/restore", "GET, /api/v1/trash", "GET, /api/v1/%2574racks"})
    void other_requests_are_neither_counted_nor_limited(String method, String path) {
        assertThat(TrackRequestKind.of(MockServerHttpRequest.method(HttpMethod.valueOf(method), URI.create(path)).build()))
                .isNull();
    }
}
