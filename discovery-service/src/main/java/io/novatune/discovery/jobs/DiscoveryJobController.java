package io.novatune.discovery.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Identification jobs: started for a tracklist, followed by id. Another user's ids answer 404. */
@RestController
public class DiscoveryJobController {

    private final DiscoveryJobs jobs;

    public DiscoveryJobController(DiscoveryJobs jobs) {
        this.jobs = jobs;
    }

    /** 202 with the job; its entries are identified in the background ({@code GET /api/v1/discovery/jobs/{id}}). */
    @PostMapping(path = "/api/v1/tracklists/{id}/discover-tracks", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<DiscoveryJob>> discover(@AuthenticationPrincipal Jwt user, @PathVariable String id,
                                                       @RequestBody DiscoverTracksRequest request) {
        return jobs.start(user.getSubject(), id, request).map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(UriComponentsBuilder.fromPath("/api/v1/discovery/jobs/{id}").build(job.jobId()))
                .body(job));
    }

    @GetMapping("/api/v1/discovery/jobs/{id}")
    public Mono<DiscoveryJob> get(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return jobs.get(user.getSubject(), id);
    }
}
