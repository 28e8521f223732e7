package io.novatune.discovery.tracklist;

import io.novatune.discovery.parsing.TracklistFormat;
import io.novatune.platform.problem.InvalidRequestException;
import jakarta.validation.Valid;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code /api/v1/tracklists}: a user's DJ tracklists. Another user's id answers 404, as an unknown one does. */
@RestController
@RequestMapping("/api/v1/tracklists")
public class TracklistController {

    private final Tracklists tracklists;
    private final TracklistLimits limits;

    public TracklistController(Tracklists tracklists, TracklistLimits limits) {
        this.tracklists = tracklists;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Tracklist>> create(@AuthenticationPrincipal Jwt user,
                                                  @Valid @RequestBody CreateTracklistRequest request) {
        return tracklists.create(user.getSubject(), request).map(TracklistController::created);
    }

    /** Multipart: a {@code file} ({@code .txt}, {@code .cue} or {@code .json}) and the fields {@code title}, {@code djName}, {@code playedAt}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<Tracklist>> upload(@AuthenticationPrincipal Jwt user, ServerWebExchange exchange) {
        return exchange.getMultipartData()
                // No boundary in the Content-Type, or a body that is not multipart after all: the client's mistake.
                .onErrorMap(DecodingException.class,
                        malformed -> new InvalidRequestException("Content-Type", "a multipart/form-data body with its boundary is required"))
                .flatMap(parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                return Mono.error(new InvalidRequestException("file", "a .txt, .cue or .json file is required"));
            }
            TracklistFormat format = formatOf(file.filename());
            long maxBytes = limits.maxContentSize().toBytes();
            return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, maxBytes))
                    .onErrorMap(DataBufferLimitException.class, e -> new TracklistTooLargeException(maxBytes))
                    .map(buffer -> {
                        try {
                            return buffer.toString(StandardCharsets.UTF_8);
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .defaultIfEmpty("")
                    .flatMap(content -> tracklists.create(user.getSubject(), new CreateTracklistRequest(
                            titleOf(parts, file), field(parts, "djName"), playedAt(parts), null, format, content, null)));
        }).map(TracklistController::created);
    }

    @GetMapping("/{id}")
    public Mono<Tracklist> get(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return tracklists.get(user.getSubject(), id);
    }

    @GetMapping
    public Mono<TracklistPage> list(@AuthenticationPrincipal Jwt user,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) String search,
                                    @RequestParam(defaultValue = "20") int limit) {
        return tracklists.list(user.getSubject(), cursor, search, limit);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public Mono<Tracklist> update(@AuthenticationPrincipal Jwt user, @PathVariable String id,
                                  @Valid @RequestBody PatchTracklistRequest patch) {
        return tracklists.update(user.getSubject(), id, patch);
    }

    @PatchMapping(path = "/{id}/entries/{position}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public Mono<Tracklist> updateEntry(@AuthenticationPrincipal Jwt user, @PathVariable String id,
                                       @PathVariable int position, @Valid @RequestBody EntryInput correction) {
        return tracklists.updateEntry(user.getSubject(), id, position, correction);
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return tracklists.delete(user.getSubject(), id).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/{id}/cue", produces = "application/x-cue")
    public Mono<ResponseEntity<String>> cue(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
        return tracklists.cueSheet(user.getSubject(), id).map(sheet -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".cue\"")
                .contentType(new MediaType("application", "x-cue", StandardCharsets.UTF_8))
                .body(sheet));
    }

    private static ResponseEntity<Tracklist> created(Tracklist tracklist) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(UriComponentsBuilder.fromPath("/api/v1/tracklists/{id}").build(tracklist.id()))
                .body(tracklist);
    }

    private static TracklistFormat formatOf(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return TracklistFormat.TEXT;
        }
        if (name.endsWith(".cue")) {
            return TracklistFormat.CUE;
        }
        if (name.endsWith(".json")) {
            return TracklistFormat.JSON;
        }
        throw new InvalidRequestException("file", "must be a .txt, .cue or .json file");
    }

    private static String titleOf(MultiValueMap<String, Part> parts, FilePart file) {
        String title = field(parts, "title");
        if (title != null) {
            return title;
        }
        String name = file.filename();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Instant playedAt(MultiValueMap<String, Part> parts) {
        String playedAt = field(parts, "playedAt");
        try {
            return playedAt == null ? null : Instant.parse(playedAt);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("playedAt", "must be an ISO-8601 instant");
        }
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        if (parts.getFirst(name) instanceof FormFieldPart part && !part.value().isBlank()) {
            if (part.value().length() > 300) {
                throw new InvalidRequestException(name, "at most 300 characters");
            }
            return part.value();
        }
        return null;
    }
}
