package io.novatune.discovery.exports;

import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;

/** The formats of an export, with their media type and file extension. */
public enum ExportFormat {
    csv(new MediaType("text", "csv", StandardCharsets.UTF_8)),
    json(MediaType.APPLICATION_JSON),
    txt(new MediaType("text", "plain", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    ExportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static ExportFormat of(String text) {
        for (ExportFormat format : values()) {
            if (format.name().equals(text)) {
                return format;
            }
        }
        throw new InvalidRequestException("format", "is csv, json or txt");
    }
}
