package io.novatune.trackapi.upload;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.platform.storage.ObjectKeys;
import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.quota.Quota;
import io.novatune.trackapi.quota.QuotaExceededException;
import io.novatune.trackapi.quota.Quotas;
import io.novatune.trackapi.storage.ObjectStorage;
import io.novatune.trackapi.storage.StoredObject;
import io.novatune.trackapi.track.StoredAudio;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackEvents;
import io.novatune.trackapi.track.TrackMetadata;
import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Uploading an audio file as a new track. What can be refused without reading the body is refused first: a
 * request longer than any file may be (413), or a file that cannot fit in the user's quota (403). The file then
 * streams to S3 while its bytes are counted, and the track, its {@code TrackAdded} and the quota's increment commit
 * in one transaction once the whole request has been read; see {@link Upload}.
 *
 * <p>An uploaded track is {@code READY} at once: nothing processes uploads yet. When a processing step (waveform,
 * transcoding) exists, uploads start {@code PROCESSING} and its result event makes them ready.
 */
@Service
public class TrackUploads {

    private static final Logger log = LoggerFactory.getLogger(TrackUploads.class);
    /** The {@code audio_content_type} column's width. */
    private static final int CONTENT_TYPE_MAX = 100;

    private final UploadPolicy policy;
    private final Quotas quotas;
    private final ObjectStorage storage;
    private final TrackStore tracks;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public TrackUploads(UploadPolicy policy, Quotas quotas, ObjectStorage storage, TrackStore tracks, Outbox outbox,
                        TransactionalOperator transaction, Clock clock) {
        this.policy = policy;
        this.quotas = quotas;
        this.storage = storage;
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Admits an upload in a request of this {@code Content-Length} ({@code null} when the request is chunked and
     * its length unknown until its end), or refuses it before any of its body is read.
     */
    public Mono<Upload> begin(String userId, Long contentLength) {
        long leastFileBytes = contentLength == null ? 1 : Math.max(1, policy.leastFileBytes(contentLength));
        if (leastFileBytes > policy.maxFileBytes()) {
            return Mono.error(new UploadTooLargeException(policy.maxFileBytes()));
        }
        return quotas.quotaOf(userId).flatMap(quota -> {
            if (leastFileBytes > quota.availableBytes()) {
                return Mono.error(new QuotaExceededException(quota, leastFileBytes));
            }
            return Mono.just(new Upload(userId, UlidCreator.getMonotonicUlid().toString(), quota));
        });
    }

    /**
     * One admitted upload, fed the parts of its request in the order they arrive: the file (streamed to
     * {@code audio/{userId}/{trackId}}) and the metadata, in either order, then {@link #commit}. Whatever ends it
     * other than a commit ({@link #discard}) removes the object it stored.
     */
    public final class Upload {

        private final String userId;
        private final String trackId;
        private final String objectKey;
        private final Quota quotaAtStart;
        private final AtomicBoolean fileSeen = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile StoredObject stored;
        private volatile String contentType;

        private Upload(String userId, String trackId, Quota quotaAtStart) {
            this.userId = userId;
            this.trackId = trackId;
            this.objectKey = ObjectKeys.key(ObjectKeys.UPLOADED_AUDIO, userId, trackId);
            this.quotaAtStart = quotaAtStart;
        }

        /**
         * Streams the file to S3, counting its bytes: once they pass the largest file (413) or the user's available
         * quota (403), the upload is aborted and nothing of it stays in the bucket.
         */
        public Mono<Void> receiveFile(String declaredContentType, Flux<DataBuffer> content) {
            if (!fileSeen.compareAndSet(false, true)) {
                return Mono.error(new InvalidUploadException("file", "must be sent once"));
            }
            if (!isAudio(declaredContentType)) {
                return Mono.error(new NotAudioException(declaredContentType));
            }
            contentType = declaredContentType;
            return storage.put(objectKey, declaredContentType, counted(content))
                    .doOnNext(object -> stored = object)
                    .then();
        }

        private Flux<DataBuffer> counted(Flux<DataBuffer> content) {
            long maxFileBytes = policy.maxFileBytes();
            long availableBytes = quotaAtStart.availableBytes();
            return Flux.defer(() -> {
                long[] received = {0};
                return content
                        .<DataBuffer>handle((buffer, sink) -> {
                            received[0] += buffer.readableByteCount();
                            if (received[0] > maxFileBytes) {
                                DataBufferUtils.release(buffer);
                                sink.error(new UploadTooLargeException(maxFileBytes));
                            } else if (received[0] > availableBytes) {
                                DataBufferUtils.release(buffer);
                                sink.error(new QuotaExceededException(quotaAtStart, received[0]));
                            } else {
                                sink.next(buffer);
                            }
                        })
                        .concatWith(Mono.defer(() -> received[0] == 0
                                ? Mono.error(new InvalidUploadException("file", "must not be empty"))
                                : Mono.empty()));
            });
        }

        /**
         * The track, its {@code TrackAdded} and the quota's increments (bytes and tracks), in one transaction. The quota is checked
         * again in that transaction, against what concurrent uploads of the same user committed meanwhile; when
         * the transaction fails for that or any reason, the stored object is deleted.
         */
        public Mono<Track> commit(TrackMetadata metadata, String traceparent) {
            StoredObject object = stored;
            if (object == null) {
                return Mono.error(new InvalidUploadException("file", "a file part is required"));
            }
            // From here a cancel must not delete the object: the transaction may commit. A cancelled transaction
            // rolls back and leaves an orphan object for the sweep, never a track without its audio.
            if (!ended.compareAndSet(false, true)) {
                return Mono.error(new IllegalStateException("upload of track " + trackId + " was discarded"));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Track track = new Track(trackId, userId, metadata, TrackStatus.READY, TrackSource.UPLOAD, null,
                    new StoredAudio(object.key(), null, object.sizeBytes(), contentType), null, null, null, now, now, 0);
            return quotas.consume(userId, object.sizeBytes())
                    .then(quotas.admitTracks(userId, 1))
                    .then(tracks.insert(track))
                    .flatMap(added -> outbox.append(TrackEvents.added(added, traceparent)).thenReturn(added))
                    .as(transaction::transactional)
                    .onErrorResume(error -> delete(object).then(Mono.error(error)));
        }

        /** Deletes what was stored unless the track is being or was committed; safe to call more than once. */
        public Mono<Void> discard() {
            StoredObject object = stored;
            if (object == null || !ended.compareAndSet(false, true)) {
                return Mono.empty();
            }
            return delete(object);
        }

        private Mono<Void> delete(StoredObject object) {
            return storage.delete(object.key())
                    .doOnError(error -> log.warn("Could not delete the object of an abandoned upload of track {}; "
                            + "the orphan sweep will", trackId, error))
                    .onErrorResume(error -> Mono.empty());
        }

        public String trackId() {
            return trackId;
        }
    }

    static boolean isAudio(String contentType) {
        if (contentType == null || contentType.length() > CONTENT_TYPE_MAX) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "audio".equalsIgnoreCase(type.getType()) && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
