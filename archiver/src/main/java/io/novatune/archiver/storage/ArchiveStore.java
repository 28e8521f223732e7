package io.novatune.archiver.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The archive copies in the bucket. A copy is written by streaming: the source is read one part at a time, hashed
 * and uploaded, so an in-flight asset holds at most two {@code part-size} buffers whatever its size: the part being
 * uploaded and the next one, read meanwhile. The buffers are reused from one copy to the next.
 * <p>
 * The SHA-256 is known only once the last byte has passed, but S3 takes user metadata only when an upload
 * starts. So a file of one part is hashed in its buffer and put with its metadata in one request, and a larger
 * one is uploaded in parts and then copied onto itself with the metadata (S3 copies server-side). An object
 * without the metadata is therefore never taken for a verified copy ({@link #findVerified}): the next attempt
 * writes it again.
 */
@Component
public class ArchiveStore implements DisposableBean {

    public static final String SHA256_METADATA = "sha256";
    public static final String SIZE_METADATA = "size-bytes";

    private static final Logger log = LoggerFactory.getLogger(ArchiveStore.class);

    /** Smaller files get a buffer of their own size; from here on, a part buffer from the pool. */
    private static final long POOLED_FROM = 1024 * 1024;

    /**
     * A body held in memory is signed as a whole, not chunk by chunk. This matters only where the SDK signs
     * payloads at all, i.e. a plain-http endpoint (the local stack, tests, the benchmark; over https it sends them
     * unsigned either way): there, chunked signing makes the store decode an {@code aws-chunked} body, which on
     * S3Proxy was the largest cost of the whole benchmark run (docs/adr/0032). The SDK hashes the part once more
     * for the signature; with SHA extensions that is cheap.
     */
    private static final AwsRequestOverrideConfiguration WHOLE_PAYLOAD_SIGNING = AwsRequestOverrideConfiguration.builder()
            .addPlugin(config -> {
                S3ServiceClientConfiguration.Builder s3 = (S3ServiceClientConfiguration.Builder) config;
                S3AuthSchemeProvider resolver = s3.authSchemeProvider();
                s3.authSchemeProvider(params -> resolver.resolveAuthScheme(params).stream()
                        .map(option -> option.toBuilder()
                                .putSignerProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false).build())
                        .toList());
            })
            .build();

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final Clock clock;
    private final ExecutorService partUploads;
    private final Deque<byte[]> idleParts = new ConcurrentLinkedDeque<>();

    public ArchiveStore(S3Client s3, S3Properties properties, Clock clock) {
        this.s3 = s3;
        this.bucket = properties.bucket();
        this.partSize = (int) properties.partSize().toBytes();
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        // One part per multipart upload in flight, and the uploads are bounded by max-in-flight: no bound needed here.
        this.partUploads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "archive-part-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A verified copy whose key starts with {@code keyPrefix} (e.g. {@code tracks-audio/u/t.}), if one is there.
     * Found by listing, not by a key, because the extension comes from the provider's content type and the link
     * may have expired by the time an {@code ArchiveDue} is replayed.
     */
    public Optional<StoredCopy> findVerified(String keyPrefix) {
        for (S3Object object : s3.listObjectsV2(request -> request.bucket(bucket).prefix(keyPrefix)).contents()) {
            // Only {prefix}{ext}: track "a" must not take track "a.b"'s file for its own.
            if (!object.key().substring(keyPrefix.length()).matches("[a-z0-9]+")) {
                continue;
            }
            Optional<StoredCopy> copy = verified(object.key());
            if (copy.isPresent()) {
                return copy;
            }
        }
        return Optional.empty();
    }

    private Optional<StoredCopy> verified(String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
        Map<String, String> metadata = head.metadata();
        String sha256 = metadata.get(SHA256_METADATA);
        String size = metadata.get(SIZE_METADATA);
        // The metadata is written only after every byte was counted and hashed; the stored length must agree.
        if (sha256 == null || size == null || !size.equals(Long.toString(head.contentLength()))) {
            return Optional.empty();
        }
        return Optional.of(new StoredCopy(key, head.contentLength(), sha256, head.contentType()));
    }

    /**
     * Streams exactly {@code length} bytes of {@code source} into {@code key}. On any failure nothing verified is
     * left behind: a multipart upload is aborted, and the key holds no object with the archive metadata.
     *
     * @throws IOException reading the source failed (a truncated body among others)
     */
    public StoredCopy store(String key, String contentType, long length, InputStream source) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = length < POOLED_FROM ? new byte[(int) Math.max(length, 1)] : takePart();
        try {
            int first = fill(source, buffer, (int) Math.min(buffer.length, length));
            sha256.update(buffer, 0, first);
            if (first == length) {
                String hex = HexFormat.of().formatHex(sha256.digest());
                s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).contentLength(length)
                                .metadata(metadata(hex, length)).overrideConfiguration(WHOLE_PAYLOAD_SIGNING),
                        body(buffer, first, contentType));
                return new StoredCopy(key, length, hex, contentType);
            }
            return storeInParts(key, contentType, length, source, sha256, buffer, first);
        } finally {
            giveBack(buffer);
        }
    }

    /**
     * A part-sized buffer, reused from an earlier copy where one is idle. G1 allocates each such buffer as a
     * humongous object, and one new buffer per file made it collect several times a second (docs/adr/0032). No
     * more buffers are ever made than are in use at once (two per asset in flight), so the idle ones need no bound.
     */
    private byte[] takePart() {
        byte[] idle = idleParts.pollFirst();
        return idle != null ? idle : new byte[partSize];
    }

    private void giveBack(byte[] buffer) {
        if (buffer.length == partSize) {
            idleParts.offerFirst(buffer);
        }
    }

    private StoredCopy storeInParts(String key, String contentType, long length, InputStream source,
                                    MessageDigest sha256, byte[] buffer, int first) throws IOException {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType))
                .uploadId();
        boolean completed = false;
        byte[] spare = null;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long stored = 0;
            byte[] uploading = buffer;
            byte[] reading = takePart();
            spare = reading;
            int filled = first;
            while (filled > 0) {
                int partNumber = parts.size() + 1;
                byte[] part = uploading;
                int size = filled;
                Future<String> upload = partUploads.submit(() -> s3.uploadPart(request -> request.bucket(bucket)
                                .key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) size)
                                .overrideConfiguration(WHOLE_PAYLOAD_SIGNING),
                        body(part, size, contentType)).eTag());
                stored += size;
                // The next part is read while this one uploads: the provider and S3 are busy at the same time.
                try {
                    filled = stored < length ? fill(source, reading, reading.length) : 0;
                } catch (IOException readFailed) {
                    // The part must have landed or failed before the upload is aborted, or it could outlive the abort.
                    awaitQuietly(upload);
                    throw readFailed;
                }
                sha256.update(reading, 0, filled);
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(await(upload)).build());
                uploading = reading;
                reading = part;
            }
            if (stored != length) {
                throw new IOException("stored " + stored + " bytes, " + length + " declared");
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
            completed = true;
            String hex = HexFormat.of().formatHex(sha256.digest());
            try {
                s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(key)
                        .destinationBucket(bucket).destinationKey(key)
                        .metadataDirective(MetadataDirective.REPLACE)
                        .contentType(contentType)
                        .metadata(metadata(hex, length)));
            } catch (RuntimeException e) {
                deleteQuietly(key);
                throw e;
            }
            return new StoredCopy(key, length, hex, contentType);
        } finally {
            if (!completed) {
                abortQuietly(key, uploadId);
            }
            // store() gives the first buffer back; this is the second (the two swap roles, the pair stays the same).
            if (spare != null) {
                giveBack(spare);
            }
        }
    }

    private static RequestBody body(byte[] buffer, int size, String contentType) {
        // A fresh stream over the same buffer for every SDK attempt, and no copy of the buffer.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, size), size, contentType);
    }

    private static String await(Future<String> upload) throws InterruptedIOException {
        try {
            return upload.get();
        } catch (InterruptedException e) {
            upload.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a part was uploading");
        } catch (ExecutionException e) {
            // The SDK's own exception, as if the part had been uploaded on this thread.
            if (e.getCause() instanceof RuntimeException sdkFailure) {
                throw sdkFailure;
            }
            throw new IllegalStateException("uploading a part failed", e.getCause());
        }
    }

    private static void awaitQuietly(Future<String> upload) {
        try {
            upload.get();
        } catch (InterruptedException e) {
            upload.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // The read failure is the one reported; the upload is aborted either way.
        }
    }

    private static int fill(InputStream source, byte[] buffer, int limit) throws IOException {
        int filled = 0;
        while (filled < limit) {
            int n = source.read(buffer, filled, limit - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static Map<String, String> metadata(String sha256, long length) {
        return Map.of(SHA256_METADATA, sha256, SIZE_METADATA, Long.toString(length));
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // The start-up sweep aborts it later.
            log.atWarn().addKeyValue("reason", e.getMessage()).log("could not abort a failed multipart upload");
        }
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (RuntimeException e) {
            // Without its metadata it is not a verified copy; the next attempt overwrites it.
            log.atWarn().addKeyValue("reason", e.getMessage()).log("could not delete an unverified object");
        }
    }

    /** Aborts incomplete multipart uploads under {@code prefix} started more than {@code age} ago; answers how many. */
    public int abortStaleUploads(String prefix, Duration age) {
        Instant startedBefore = clock.instant().minus(age);
        int aborted = 0;
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            var request = ListMultipartUploadsRequest.builder().bucket(bucket).prefix(prefix)
                    .keyMarker(keyMarker).uploadIdMarker(uploadIdMarker).build();
            var page = s3.listMultipartUploads(request);
            for (MultipartUpload upload : page.uploads()) {
                if (upload.initiated() == null || upload.initiated().isBefore(startedBefore)) {
                    abortQuietly(upload.key(), upload.uploadId());
                    aborted++;
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return aborted;
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        }
    }

    @Override
    public void destroy() {
        partUploads.shutdownNow();
    }

    public String bucket() {
        return bucket;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
