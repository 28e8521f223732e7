package io.novatune.archiver.provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly {@code length} bytes of the connection: what follows is not read, and an early end of stream is a
 * {@link TruncatedBodyException} instead of a quiet short read, so a cut body can never pass for a whole file.
 */
final class LengthLimitedStream extends FilterInputStream {

    private final long length;
    private long read;

    LengthLimitedStream(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        if (read >= length) {
            return -1;
        }
        int b = super.read();
        if (b < 0) {
            throw new TruncatedBodyException(read, length);
        }
        read++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (read >= length) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(count, length - read));
        if (n < 0) {
            throw new TruncatedBodyException(read, length);
        }
        read += n;
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte is hashed and stored");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
