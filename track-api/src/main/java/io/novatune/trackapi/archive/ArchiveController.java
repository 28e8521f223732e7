package io.novatune.trackapi.archive;

import io.novatune.platform.tracing.Traceparents;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import reactor.core.publisher.Mono;

/** Archiving provider tracks' assets now, how far archiving is overall, and the operators' jobs view and batch run. */
@RestController
public class ArchiveController {

    private static final String ADMIN = "ROLE_admin";
    private static final int MAX_JOBS = 200;

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

    /**
     * The jobs view: provider tracks not archived, {@code PENDING}, {@code URGENT} (pending, links expiring within
     * {@code novatune.archive.urgent-within}) or {@code FAILED} (stopped without a copy), soonest expiry first.
     * Cursor pages: pass {@code nextCursor} as {@code cursor}; {@code limit} is clamped to 1–200.
     */
    @GetMapping("/api/v1/admin/archive/jobs")
    public Mono<ArchiveJobPage> jobs(@RequestParam(defaultValue = "PENDING") String status,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        return Mono.fromCallable(() -> new JobsQuery(ArchiveJobFilter.parse(status), ArchiveJobCursor.decode(cursor)))
                .flatMap(query -> archiving.jobs(query.filter(), query.after(), Math.max(1, Math.min(limit, MAX_JOBS))));
    }

    private record JobsQuery(ArchiveJobFilter filter, ArchiveJobCursor after) {
    }

    /** Sends up to {@code limit} due or urgent archives now (202: the archiver was asked; results come later). */
    @PostMapping("/api/v1/admin/archive/run")
    public Mono<ResponseEntity<ArchiveRun>> run(@Valid @RequestBody ArchiveRunRequest request) {
        return archiving.runNow(request.limit(), traceparents.current())
                .map(run -> ResponseEntity.status(HttpStatus.ACCEPTED).body(run));
    }
}
