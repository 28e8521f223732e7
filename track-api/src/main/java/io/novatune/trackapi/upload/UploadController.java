package io.novatune.trackapi.upload;

import io.novatune.trackapi.track.TrackResponse;
import io.novatune.trackapi.track.TrackResponses;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;
import io.novatune.platform.tracing.Traceparents;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackMetadata;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v1/tracks} as {@code multipart/form-data}: a {@code file} part (an audio Content-Type) and a
 * {@code metadata} part (JSON), in either order. The body is read as a stream of part events, never as whole
 * parts, so the file goes to S3 as it arrives, neither buffered in memory nor spooled to disk.
 */
@RestController
@RequestMapping("/api/v1/tracks")
public class UploadController {

    static final String FILE_PART = "file";
    static final String METADATA_PART = "metadata";
    private static final int METADATA_MAX_BYTES = 64 * 1024;

    private final TrackUploads uploads;
    private final Traceparents traceparents;
    private final ObjectMapper json;
    private final Validator validator;
    private final TrackResponses responses;

    public UploadController(TrackUploads uploads, Traceparents traceparents, ObjectMapper json, Validator validator,
                            TrackResponses responses) {
        this.uploads = uploads;
        this.traceparents = traceparents;
        this.json = json;
        this.validator = validator;
        this.responses = responses;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<TrackResponse>> upload(@AuthenticationPrincipal Jwt caller, ServerHttpRequest request,
                                                      @RequestBody Flux<PartEvent> parts, UriComponentsBuilder uri) {
        String traceparent = traceparents.current();
        long contentLength = request.getHeaders().getContentLength();
        return uploads.begin(caller.getSubject(), contentLength < 0 ? null : contentLength)
                .flatMap(upload -> receive(upload, parts, traceparent))
                .map(track -> ResponseEntity
                        .created(uri.path("/api/v1/tracks/{id}").buildAndExpand(track.id()).toUri())
                        .eTag(Long.toString(track.version()))
                        .body(responses.of(track)));
    }

    private Mono<Track> receive(TrackUploads.Upload upload, Flux<PartEvent> parts, String traceparent) {
        AtomicReference<TrackMetadata> metadata = new AtomicReference<>();
        return parts
                // A part header Spring cannot parse (a Content-Type of "garbage/") is the client's malformed request.
                .onErrorMap(InvalidMediaTypeException.class,
                        invalid -> new InvalidUploadException("parts", "a part has an invalid Content-Type"))
                .windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> first.hasValue()
                        ? receivePart(upload, first.get(), events, metadata)
                        : events.then()))
                .doOnDiscard(PartEvent.class, event -> DataBufferUtils.release(event.content()))
                .then(Mono.defer(() -> metadata.get() == null
                        ? Mono.error(new InvalidUploadException(METADATA_PART, "a metadata part is required"))
                        : upload.commit(metadata.get(), traceparent)))
                .onErrorResume(error -> upload.discard().then(Mono.error(error)))
                .doOnCancel(() -> upload.discard().subscribe());
    }

    private Mono<Void> receivePart(TrackUploads.Upload upload, PartEvent first, Flux<PartEvent> events,
                                   AtomicReference<TrackMetadata> metadata) {
        String name = first.headers().getContentDisposition().getName();
        if (name == null) {
            return Mono.error(new InvalidUploadException("parts", "every part must have a name"));
        }
        if (FILE_PART.equals(name)) {
            return upload.receiveFile(first.headers().getFirst(HttpHeaders.CONTENT_TYPE), events.map(PartEvent::content));
        }
        if (METADATA_PART.equals(name)) {
            return readMetadata(events).flatMap(read -> metadata.compareAndSet(null, read)
                    ? Mono.empty()
                    : Mono.error(new InvalidUploadException(METADATA_PART, "must be sent once")));
        }
        // A part we do not know is read past, so that the parts after it still arrive.
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then();
    }

    private Mono<TrackMetadata> readMetadata(Flux<PartEvent> events) {
        return DataBufferUtils.join(events.map(PartEvent::content), METADATA_MAX_BYTES)
                .onErrorMap(DataBufferLimitException.class, tooLong -> new InvalidUploadException(METADATA_PART,
                        "must be at most " + METADATA_MAX_BYTES + " bytes"))
                .map(this::parseMetadata)
                .switchIfEmpty(Mono.error(() -> new InvalidUploadException(METADATA_PART, "must not be empty")));
    }

    private TrackMetadata parseMetadata(DataBuffer content) {
        UploadMetadata metadata;
        try {
            byte[] bytes = new byte[content.readableByteCount()];
            content.read(bytes);
            metadata = json.readValue(bytes, UploadMetadata.class);
        } catch (DatabindException e) {
            // Name the field, not the Java type it failed to become.
            throw e.getPath().isEmpty()
                    ? new InvalidUploadException(METADATA_PART, "must be a JSON object of track fields")
                    : new InvalidUploadException(METADATA_PART + "." + fieldPath(e), "has the wrong type");
        } catch (JacksonException e) {
            throw new InvalidUploadException(METADATA_PART, "must be a JSON object of track fields");
        } finally {
            DataBufferUtils.release(content);
        }
        if (metadata == null) {
            throw new InvalidUploadException(METADATA_PART, "must be a JSON object of track fields");
        }
        Set<ConstraintViolation<UploadMetadata>> violations = validator.validate(metadata);
        if (!violations.isEmpty()) {
            List<InvalidUploadException.FieldError> errors = violations.stream()
                    .map(violation -> new InvalidUploadException.FieldError(
                            METADATA_PART + "." + violation.getPropertyPath(), violation.getMessage()))
                    .sorted(Comparator.comparing(InvalidUploadException.FieldError::field))
                    .toList();
            throw new InvalidUploadException(errors);
        }
        return metadata.toMetadata();
    }

    private static String fieldPath(DatabindException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
