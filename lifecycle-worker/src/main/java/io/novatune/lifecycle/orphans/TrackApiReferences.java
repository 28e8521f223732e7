package io.novatune.lifecycle.orphans;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.novatune.lifecycle.storage.ObjectStore;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
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
    private static final String SUBJECT = "lifecycle-worker";
    private static final Duration TOKEN_TTL = Duration.ofMinutes(5);

    private final RestClient http;
    private final TrackApiProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    public TrackApiReferences(RestClient.Builder http, TrackApiProperties properties, ObjectMapper json, Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = http.clone().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
        this.properties = properties;
        this.json = json;
        this.clock = clock;
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
                .headers(headers -> headers.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new KeysRequest(keys))
                .retrieve()
                .body(ReferencedResponse.class);
        if (answer == null || answer.referenced() == null) {
            throw new IllegalStateException("track-api answered no reference list");
        }
        return new HashSet<>(answer.referenced());
    }

    private String token() {
        if (properties.token() != null && !properties.token().isBlank()) {
            return properties.token();
        }
        if (properties.jwtSecret() == null || properties.jwtSecret().isBlank()) {
            throw new IllegalStateException(
                    "no credentials for track-api: set novatune.track-api.token or novatune.track-api.jwt-secret");
        }
        return ServiceToken.sign(properties.jwtSecret(), SUBJECT, List.of("service"), clock.instant(), TOKEN_TTL, json);
    }
}
