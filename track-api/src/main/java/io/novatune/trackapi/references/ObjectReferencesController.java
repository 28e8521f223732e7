package io.novatune.trackapi.references;

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

    private final ObjectReferences references;

    public ObjectReferencesController(ObjectReferences references) {
        this.references = references;
    }

    public record ObjectKeys(@NotNull @Size(max = 1000) List<@NotNull @Size(max = 1024) String> keys) {
    }

    public record ReferencedKeys(List<String> referenced) {
    }

    @PostMapping("/api/v1/internal/objects/referenced")
    public Mono<ReferencedKeys> referenced(@Valid @RequestBody ObjectKeys request) {
        return references.referenced(request.keys()).map(ReferencedKeys::new);
    }
}
