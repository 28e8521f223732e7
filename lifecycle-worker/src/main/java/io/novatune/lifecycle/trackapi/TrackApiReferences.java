package io.novatune.lifecycle.trackapi;

import io.novatune.lifecycle.storage.ObjectStore;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks track-api which stored objects a track (of any status, deleted ones included) still references. The
 * worker keeps no copy of that knowledge: the track rows are the only truth (docs/adr/0008-orphan-sweep.md).
 */
@Component
public class TrackApiReferences {

    static final String PATH = "/api/v1/internal/objects/referenced";

    private final RestClient http;

    public TrackApiReferences(RestClient.Builder http, TrackApiProperties properties, TrackApiCredentials credentials) {
        this.http = http.clone()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(properties.requestFactory())
                .requestInterceptor(credentials)
                .build();
    }

    record KeysRequest(List<String> keys) {
    }

    record ReferencedResponse(List<String> referenced) {
    }

    /** The subset of {@code keys} (at most {@link ObjectStore#PAGE_SIZE}) that a track references. */
    public Set<String> referenced(List<String> keys) {
        if (keys.size() > ObjectStore.PAGE_SIZE) {
            throw new IllegalArgumentException("at most " + ObjectStore.PAGE_SIZE + " keys per request");
        }
        ReferencedResponse answer = http.post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new KeysRequest(keys))
                .retrieve()
                .body(ReferencedResponse.class);
        if (answer == null || answer.referenced() == null) {
            throw new IllegalStateException("track-api answered no reference list");
        }
        return new HashSet<>(answer.referenced());
    }
}
