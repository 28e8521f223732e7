package io.novatune.trackapi.upload;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code multipart/form-data} body written byte for byte, as a browser sends it: so that a test chooses the
 * order of the parts, their headers, and whether the request has a {@code Content-Length} or is chunked.
 */
public final class MultipartBody {

    public static final String BOUNDARY = "----novatune-test-boundary-7MA4YWxkTrZu0gW";
    private static final int CHUNK = 64 * 1024;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public static MultipartBody create() {
        return new MultipartBody();
    }

    public static MediaType contentType() {
        return MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);
    }

    public MultipartBody json(String name, String json) {
        return part(name, null, MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody file(String name, String filename, String contentType, byte[] content) {
        return part(name, filename, contentType, content);
    }

    public MultipartBody part(String name, String filename, String contentType, byte[] content) {
        write(partHeaders(name, filename, contentType));
        write(content);
        write("\r\n");
        return this;
    }

    public static String partHeaders(String name, String filename, String contentType) {
        StringBuilder headers = new StringBuilder("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            headers.append("; filename=\"").append(filename).append('"');
        }
        headers.append("\r\n");
        if (contentType != null) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        return headers.append("\r\n").toString();
    }

    public static String closing() {
        return "--" + BOUNDARY + "--\r\n";
    }

    /** The whole body: sent with a {@code Content-Length}. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(closing().getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    /** The body in 64 KiB buffers: sent chunked, without a {@code Content-Length}. */
    public Flux<DataBuffer> chunks() {
        byte[] bytes = bytes();
        List<DataBuffer> buffers = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(
                    Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK))));
        }
        return Flux.fromIterable(buffers);
    }

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        body.writeBytes(bytes);
    }
}
