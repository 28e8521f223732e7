package io.novatune.ingestion.web;

import io.novatune.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The path does not hold an ISRC in any accepted spelling: answered 400. */
class InvalidIsrcException extends ErrorResponseException {

    InvalidIsrcException(String raw) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-isrc", "Invalid ISRC",
                "'" + raw + "' is not an ISRC: expected 12 characters CC-XXX-YY-NNNNN, e.g. US-RC1-23-45678"), null);
    }
}
