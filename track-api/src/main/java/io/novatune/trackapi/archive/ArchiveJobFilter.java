package io.novatune.trackapi.archive;

import io.novatune.platform.problem.InvalidRequestException;

import java.util.List;
import java.util.Locale;

/** Which archive jobs the operators' view lists; each is a provider track not archived and not being purged. */
public enum ArchiveJobFilter {
    /** The links still work and the timer will send (another) attempt. */
    PENDING,
    /** Of those, the links expire within {@code novatune.archive.urgent-within}. */
    URGENT,
    /** Archiving stopped without a copy: a non-retryable failure, retries that ran out, or links that expired. */
    FAILED;

    /** A query parameter's value, case-insensitive; anything else is a 400 naming {@code status}. */
    static ArchiveJobFilter parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("status",
                    "must be one of PENDING, URGENT, FAILED")));
        }
    }
}
