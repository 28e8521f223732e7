package io.novatune.trackapi.references;

import io.novatune.trackapi.track.TrackStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.List;

/** Which of the object keys found in storage a track still references (the lifecycle worker's orphan sweep). */
@Service
public class ObjectReferences {

    private final TrackStore tracks;

    public ObjectReferences(TrackStore tracks) {
        this.tracks = tracks;
    }

    public Mono<List<String>> referenced(List<String> keys) {
        return keys.isEmpty() ? Mono.just(List.of()) : tracks.referencedKeys(keys).collectList();
    }
}
