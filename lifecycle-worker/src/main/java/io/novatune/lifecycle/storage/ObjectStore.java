package io.novatune.lifecycle.storage;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** The bucket of tracks' objects, as the purge and the sweep need it. S3 errors surface as the SDK's exceptions. */
@Component
public class ObjectStore {

    /** S3 answers at most this many keys per listing page, and the reference check takes as many. */
    public static final int PAGE_SIZE = 1000;

    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String bucket;

    public ObjectStore(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    /**
     * Deletes the object if it is there. Answers its size when this call removed it, empty when it was already
     * gone: a missing object is what a deletion wants, so it is success, not an error.
     */
    public OptionalLong deleteIfPresent(String key) {
        OptionalLong size = sizeOf(key);
        // Deleting a missing key succeeds in S3 too; the size is only known while the object exists.
        s3.deleteObject(request -> request.bucket(bucket).key(key));
        return size;
    }

    private OptionalLong sizeOf(String key) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            return OptionalLong.of(head.contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** Deletes the object; a missing one is no error. */
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** Hands every object under {@code prefix} to {@code page}, at most {@link #PAGE_SIZE} at a time. */
    public void list(String prefix, Consumer<List<StoredObject>> page) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(PAGE_SIZE).build();
        s3.listObjectsV2Paginator(request).forEach(response -> {
            List<StoredObject> objects = response.contents().stream()
                    .map(object -> new StoredObject(object.key(), object.size(), object.lastModified()))
                    .toList();
            if (!objects.isEmpty()) {
                page.accept(objects);
            }
        });
    }

    /** Reachable and the bucket is ours to use: what health reports. */
    public String bucket() {
        return bucket;
    }
}
