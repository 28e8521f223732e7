package io.novatune.trackapi.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Our bucket. Writes stream: an object is sent part by part as its bytes arrive, so an upload holds about two
 * parts in memory whatever the size of the file.
 */
@Component
public class ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);
    /** Buffers read ahead of the part being filled; they are the request's (direct) network buffers. */
    private static final int BUFFERS_AHEAD = 16;

    private final S3AsyncClient s3;
    private final String bucket;
    private final int partSize;

    public ObjectStorage(S3AsyncClient s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
        this.partSize = (int) properties.partSize().toBytes();
    }

    /**
     * Streams {@code content} to {@code key}: one PUT when it fits in a part, else a multipart upload with one
     * part in flight and the next one filling. On an error or a cancel of {@code content}, a started multipart
     * upload is aborted, so nothing is left behind; the error is passed on.
     */
    public Mono<StoredObject> put(String key, String contentType, Flux<DataBuffer> content) {
        return Mono.defer(() -> {
            PartAssembler assembler = new PartAssembler(partSize);
            StreamingUpload upload = new StreamingUpload(key, contentType);
            return content
                    .concatMapIterable(assembler::add, BUFFERS_AHEAD)
                    .concatWith(Mono.fromSupplier(assembler::last))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                    // An error of the content waits for the part in flight: see StreamingUpload#call.
                    .concatMapDelayError(upload::send, false, 1)
                    .then(Mono.fromSupplier(() -> new StoredObject(key, upload.bytes)))
                    // The caller's own errors (limits, a bad request) pass as they are; S3's become a 503.
                    .onErrorMap(SdkException.class, StorageUnavailableException::new)
                    .onErrorResume(error -> upload.abort().then(Mono.error(error)))
                    .doOnCancel(() -> upload.abort().subscribe());
        });
    }

    /** Deleting a missing object succeeds: S3 answers 204 either way. */
    public Mono<Void> delete(String key) {
        return Mono.fromFuture(() -> s3.deleteObject(delete -> delete.bucket(bucket).key(key))).then();
    }

    /**
     * Streams the object, or one range of it ({@code bytes=first-last}, {@code bytes=first-}, {@code bytes=-suffix}, as
     * S3 takes it; null for all of it). Empty when there is no such object.
     */
    public Mono<StoredBytes> read(String key, String range) {
        return Mono.fromFuture(() -> s3.getObject(get -> get.bucket(bucket).key(key).range(range),
                        AsyncResponseTransformer.toPublisher()))
                .map(response -> new StoredBytes(response.response().contentType(), response.response().contentLength(),
                        response.response().contentRange(),
                        Flux.from(response).map(DefaultDataBufferFactory.sharedInstance::wrap)))
                .onErrorResume(NoSuchKeyException.class, missing -> Mono.empty())
                .onErrorMap(error -> error instanceof S3Exception s3Error && s3Error.statusCode() == 416,
                        error -> new RangeNotSatisfiableException(range))
                .onErrorMap(SdkException.class, StorageUnavailableException::new);
    }

    /** Completes when the bucket exists and we may use it; the health check. */
    public Mono<Void> checkBucket() {
        return Mono.fromFuture(() -> s3.headBucket(head -> head.bucket(bucket))).then();
    }

    public String bucket() {
        return bucket;
    }

    /** The state of one {@link #put}: a single PUT, or a multipart upload begun with its first full part. */
    private final class StreamingUpload {

        private final String key;
        private final String contentType;
        private final List<CompletedPart> completed = new ArrayList<>();
        private final AtomicBoolean aborted = new AtomicBoolean();
        private volatile String uploadId;
        private volatile CompletableFuture<?> inFlight;
        private volatile boolean finished;
        private long bytes;

        StreamingUpload(String key, String contentType) {
            this.key = key;
            this.contentType = contentType;
        }

        Mono<Void> send(Part part) {
            if (part.number() == 1 && part.last()) {
                return putWhole(part);
            }
            Mono<String> started = uploadId != null ? Mono.just(uploadId) : begin();
            return started
                    .flatMap(id -> uploadPart(id, part))
                    .then(part.last() ? Mono.defer(this::complete) : Mono.empty());
        }

        // The state changes ride on the futures, not on the Monos: a cancelled upload's abort still needs them.

        private Mono<Void> putWhole(Part part) {
            return call(() -> s3.putObject(put -> put.bucket(bucket).key(key)
                                    .contentType(contentType).contentLength((long) part.length()),
                            AsyncRequestBody.fromRemainingByteBufferUnsafe(part.buffer()))
                    .thenRun(() -> {
                        bytes = part.length();
                        finished = true;
                    }));
        }

        private Mono<String> begin() {
            return call(() -> s3.createMultipartUpload(create -> create.bucket(bucket).key(key)
                            .contentType(contentType))
                    .thenApply(response -> {
                        uploadId = response.uploadId();
                        return uploadId;
                    }));
        }

        private Mono<Void> uploadPart(String id, Part part) {
            return call(() -> s3.uploadPart(upload -> upload.bucket(bucket).key(key).uploadId(id)
                                    .partNumber(part.number()).contentLength((long) part.length()),
                            AsyncRequestBody.fromRemainingByteBufferUnsafe(part.buffer()))
                    .thenAccept(response -> {
                        completed.add(CompletedPart.builder().partNumber(part.number()).eTag(response.eTag()).build());
                        bytes += part.length();
                    }));
        }

        private Mono<Void> complete() {
            return call(() -> s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key)
                            .uploadId(uploadId)
                            .multipartUpload(parts -> parts.parts(completed)))
                    .thenRun(() -> finished = true));
        }

        /**
         * A request to S3 that a cancel does not interrupt. An interrupted request leaves its connection with half a
         * body sent, and S3Proxy then answered the next requests with 400s (the abort among them); S3 itself may
         * keep a part that was in flight during an abort. So a request, once sent, finishes, and an abort waits for it.
         */
        private <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
            return Mono.fromFuture(() -> {
                CompletableFuture<T> sent = request.get();
                inFlight = sent;
                return sent;
            }, true);
        }

        /** Drops the parts sent so far, once the request in flight is done; a whole PUT left nothing to drop. */
        Mono<Void> abort() {
            CompletableFuture<?> pending = inFlight;
            Mono<Void> settled = pending == null ? Mono.empty()
                    : Mono.fromFuture(pending.handle((result, error) -> (Void) null));
            return settled.then(Mono.defer(this::abortNow));
        }

        private Mono<Void> abortNow() {
            String id = uploadId;
            if (id == null || finished || !aborted.compareAndSet(false, true)) {
                return Mono.empty();
            }
            return Mono.fromFuture(() -> s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(id)))
                    .doOnError(error -> log.warn("Could not abort a multipart upload; the bucket's lifecycle rule "
                            + "for incomplete uploads removes it", error))
                    .onErrorResume(error -> Mono.empty())
                    .then();
        }
    }
}
