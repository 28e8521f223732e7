package io.novatune.trackapi.web;

import io.novatune.trackapi.track.TrackStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * For the lifecycle worker's orphan sweep (role {@code service}): which of the objects it found in
 * storage a track still references. Anything not listed is an orphan once old enough.
 */
@RestController
public class ObjectReferencesController {

    private final TrackStore tracks;

    public ObjectReferencesController(TrackStore tracks) {
        this.tracks = tracks;
    }

    public record ObjectKeys(@NotNull @Size(max = 1000) List<@NotNull @Size(max = 1024) String> keys) {
    }

    public record ReferencedKeys(List<String> referenced) {
    }

    @PostMapping("/api/v1/internal/objects/referenced")
    public Mono<ReferencedKeys> referenced(@Valid @RequestBody ObjectKeys request) {
        if (request.keys().isEmpty()) {
            return Mono.just(new ReferencedKeys(List.of()));
        }
        return tracks.referencedKeys(request.keys()).collectList().map(ReferencedKeys::new);
    }
}
