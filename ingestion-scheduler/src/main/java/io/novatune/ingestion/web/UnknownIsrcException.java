package io.novatune.ingestion.web;

/** The ISRC was never scheduled nor reported indexed: answered 404. */
class UnknownIsrcException extends RuntimeException {

    UnknownIsrcException(String isrc) {
        super("ISRC " + isrc + " is not in the ingestion ledger: no track with it was added yet");
    }
}
