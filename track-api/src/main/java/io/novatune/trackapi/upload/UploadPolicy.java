package io.novatune.trackapi.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize       the largest audio file a user may upload
 * @param multipartOverhead what a request may carry besides the file (the metadata part, part headers, boundaries):
 *                          a request whose {@code Content-Length} passes {@code maxFileSize} by more is refused before
 *                          a byte of it is read, and the rest of it is what a file is assumed to have at least when
 *                          checking the quota up front
 */
@ConfigurationProperties("novatune.uploads")
public record UploadPolicy(
        @DefaultValue("2GB") DataSize maxFileSize,
        @DefaultValue("1MB") DataSize multipartOverhead) {

    long maxFileBytes() {
        return maxFileSize.toBytes();
    }

    /** The fewest bytes the file of a request this long can have. */
    long leastFileBytes(long contentLength) {
        return Math.max(0, contentLength - multipartOverhead.toBytes());
    }
}
