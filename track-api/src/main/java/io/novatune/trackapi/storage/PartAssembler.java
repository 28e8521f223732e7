package io.novatune.trackapi.storage;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a stream of buffers into parts of {@code partSize} bytes, copying each buffer once and releasing it at
 * once, so that an upload holds at most a part or two however large the file is.
 *
 * <p>A full part is handed out only when the next byte arrives, so that the part that ends the stream is always
 * the one marked {@link Part#last()}: a file that fits in one part then needs one PUT instead of a multipart upload.
 * Not thread-safe: one per upload, fed in order.
 */
final class PartAssembler {

    /** Small files should not cost a whole part of heap each. */
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final int partSize;
    private byte[] current;
    private int filled;
    private int number;

    PartAssembler(int partSize) {
        this.partSize = partSize;
    }

    /** The parts this buffer completed (usually none); the buffer is released. */
    List<Part> add(DataBuffer buffer) {
        try {
            List<Part> completed = new ArrayList<>(1);
            while (buffer.readableByteCount() > 0) {
                if (filled == partSize) {
                    completed.add(new Part(++number, current, filled, false));
                    current = null;
                    filled = 0;
                }
                int count = Math.min(buffer.readableByteCount(), partSize - filled);
                ensureCapacity(filled + count);
                buffer.read(current, filled, count);
                filled += count;
            }
            return completed;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The part that ends the stream; empty when the stream was. */
    Part last() {
        Part last = new Part(++number, current == null ? new byte[0] : current, filled, true);
        current = null;
        filled = 0;
        return last;
    }

    private void ensureCapacity(int needed) {
        if (current == null) {
            // After a full part the file is known to be large: skip the growing.
            int capacity = number > 0 ? partSize : Math.min(partSize, Math.max(INITIAL_CAPACITY, needed));
            current = new byte[capacity];
        } else if (current.length < needed) {
            current = Arrays.copyOf(current, (int) Math.min(partSize, Math.max((long) current.length * 2, needed)));
        }
    }
}
