package io.novatune.trackapi.archive;

import io.novatune.platform.tracing.Traceparents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import reactor.core.publisher.Mono;

/** Archiving provider tracks' assets now, and how far archiving is overall. */
@RestController
public class ArchiveController {

    private static final String ADMIN = "ROLE_admin";

    private final Archiving archiving;
    private final Traceparents traceparents;

    public ArchiveController(Archiving archiving, Traceparents traceparents) {
        this.archiving = archiving;
        this.traceparents = traceparents;
    }

    /** The owner, or an admin for any user's track. 202: the archiver was asked; the result comes later. */
    @PostMapping("/api/v1/tracks/{id}/archive")
    public Mono<ResponseEntity<ArchiveRequest>> archive(Authentication caller, @PathVariable String id) {
        boolean admin = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN::equals);
        return archiving.archiveNow(caller.getName(), admin, id, traceparents.current())
                .map(request -> ResponseEntity.status(HttpStatus.ACCEPTED).body(request));
    }

    /** Provider tracks at risk: archiving failed for good, or the links expire within the warning window. */
    @GetMapping("/api/v1/me/archive-warnings")
    public Mono<ArchiveWarnings> warnings(Authentication caller) {
        return archiving.warnings(caller.getName()).collectList().map(ArchiveWarnings::new);
    }

    public record ArchiveWarnings(List<ArchiveWarning> items) {
    }

    @GetMapping("/api/v1/admin/archive/statistics")
    public Mono<ArchiveStatistics> statistics() {
        return archiving.statistics();
    }
}
