package io.novatune.ingestion.scheduling;

import java.util.Locale;

/** What was decided for one recording, and why; every decision is logged and counted by {@link DecisionLog}. */
public sealed interface IngestionDecision {

    Recording recording();

    /**
     * One {@code IngestionRequested} is (or will be) published for this ISRC.
     *
     * @param ledgerError null, or why the ledger could not answer and the request was sent without it (fail-open)
     */
    record Scheduled(Recording recording, String isrc, String ledgerError) implements IngestionDecision {

        public String reason() {
            return ledgerError == null ? "new_isrc" : "ledger_unavailable";
        }
    }

    /** @param isrc the normalised ISRC, or the raw value when it is invalid, or null when missing */
    record Skipped(Recording recording, String isrc, SkipReason reason) implements IngestionDecision {
    }

    enum SkipReason {
        MISSING_ISRC,
        INVALID_ISRC,
        /** Requested before and not yet indexed (another user, another album, the same album twice). */
        ALREADY_SCHEDULED,
        ALREADY_INDEXED,
        /** This very event was handled before (a replay or a re-delivery): nothing happens again. */
        DUPLICATE_EVENT;

        /** The {@code reason} field of the log and the metric tag. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Bad input is worth a warning; everything else is the normal course of things. */
        boolean isInputProblem() {
            return this == MISSING_ISRC || this == INVALID_ISRC;
        }
    }
}
