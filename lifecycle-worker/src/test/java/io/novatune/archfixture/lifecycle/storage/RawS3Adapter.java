package io.novatune.archfixture.lifecycle.storage;

import software.amazon.awssdk.services.s3.S3Client;

/** An S3 adapter not named like a store: it is one because it uses the S3 client. */
public class RawS3Adapter {

    private final S3Client s3;

    public RawS3Adapter(S3Client s3) {
        this.s3 = s3;
    }

    public long count() {
        return s3 == null ? 0 : 1;
    }
}
