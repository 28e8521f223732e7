package io.novatune.trackapi.storage;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * An object's bytes as they stream from the bucket: all of them, or the range asked for.
 *
 * @param contentRange {@code bytes first-last/size} when a range was served, else null
 */
public record StoredBytes(String contentType, long contentLength, String contentRange, Flux<DataBuffer> body) {
}
