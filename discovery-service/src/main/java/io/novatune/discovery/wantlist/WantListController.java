package io.novatune.discovery.wantlist;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** {@code /api/v1/want-list}: tracks the DJ wants to buy. Another user's entry answers 404, as an unknown one does. */
@RestController
@RequestMapping("/api/v1/want-list")
public class WantListController {

    private final WantList wantList;

    public WantListController(WantList wantList) {
        this.wantList = wantList;
    }

    @GetMapping
    public Mono<WantListPage> list(@AuthenticationPrincipal Jwt user,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Integer priority,
                                   @RequestParam(required = false) Instant addedAfter,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "20") int limit) {
        return wantList.list(user.getSubject(), status, priority, addedAfter, cursor, limit);
    }

    /** 201 with a new entry; 200 with the existing one when the track is already on the list (priority raised if higher). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "Put on the want-list")
    @ApiResponse(responseCode = "200", description = "Already on it: the entry, its priority raised if the new one is higher")
    @ApiResponse(responseCode = "400", description = "Invalid field, e.g. priority outside 1-5", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such catalog track or source tracklist of the user", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The want-list holds its maximum of entries; nothing was written", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<WantListEntry>> add(@AuthenticationPrincipal Jwt user,
                                                   @Valid @RequestBody AddToWantListRequest request) {
        return wantList.add(user.getSubject(), request).map(saved -> saved.created()
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .location(UriComponentsBuilder.fromPath("/api/v1/want-list/{id}").build(saved.entry().id()))
                        .body(saved.entry())
                : ResponseEntity.ok(saved.entry()));
    }

    @GetMapping("/{id}")
    public Mono<WantListEntry> get(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return wantList.get(user.getSubject(), id);
    }

    @ApiResponse(responseCode = "200", description = "The entry as changed")
    @ApiResponse(responseCode = "400", description = "Invalid field, e.g. an unknown status", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such entry of the user", content = @Content(mediaType = "application/problem+json"))
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public Mono<WantListEntry> update(@AuthenticationPrincipal Jwt user, @PathVariable String id,
                                      @Valid @RequestBody PatchWantListRequest patch) {
        return wantList.update(user.getSubject(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such entry of the user", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return wantList.delete(user.getSubject(), id).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "All of it done, in one transaction")
    @ApiResponse(responseCode = "400", description = "Invalid field; nothing was written", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "An id or the tracklist is not the user's; nothing was written", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The want-list would exceed its maximum; nothing was written", content = @Content(mediaType = "application/problem+json"))
    public Mono<BulkWantListResult> bulk(@AuthenticationPrincipal Jwt user, @Valid @RequestBody BulkWantListRequest request) {
        return wantList.bulk(user.getSubject(), request);
    }
}
