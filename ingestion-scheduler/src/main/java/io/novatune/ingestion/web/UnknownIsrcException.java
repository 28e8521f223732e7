package io.novatune.ingestion.web;

import io.novatune.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The ISRC was never scheduled nor reported indexed: answered 404. */
class UnknownIsrcException extends ErrorResponseException {

    UnknownIsrcException(String isrc) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "isrc-not-found", "ISRC not found",
                "ISRC " + isrc + " is not in the ingestion ledger: no track with it was added yet"), null);
    }
}
