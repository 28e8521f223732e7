package io.novatune.ingestion.web;

/** The path does not hold an ISRC in any accepted spelling: answered 400. */
class InvalidIsrcException extends RuntimeException {

    InvalidIsrcException(String raw) {
        super("'" + raw + "' is not an ISRC: expected 12 characters CC-XXX-YY-NNNNN, e.g. US-RC1-23-45678");
    }
}
