package io.novatune.trackapi.storage;

import java.nio.ByteBuffer;

/**
 * One part of an object on its way to S3: {@code length} bytes of {@code bytes}.
 *
 * @param number from 1, as S3 numbers the parts of a multipart upload
 * @param last   whether the stream ended with this part; only the last part may be smaller than the part size
 */
record Part(int number, byte[] bytes, int length, boolean last) {

    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }
}
