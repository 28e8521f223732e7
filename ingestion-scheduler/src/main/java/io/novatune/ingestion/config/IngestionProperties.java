package io.novatune.ingestion.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relay                    how the ledger's unpublished requests are sent to Kafka
 * @param processedEventsRetention how long an add event's id is remembered; a replay of older events
 *                                 still requests nothing (the ledger decides) but counts them as seen again
 */
@ConfigurationProperties("novatune.ingestion")
public record IngestionProperties(@DefaultValue Relay relay, @DefaultValue("30d") Duration processedEventsRetention) {

    /**
     * @param batchSize    rows locked, sent and marked per transaction
     * @param idleInterval how often an idle relay looks for rows committed by another replica or before a restart
     * @param sendTimeout  how long a batch waits for Kafka's acknowledgements before it counts as failed
     */
    public record Relay(@DefaultValue("500") int batchSize,
                        @DefaultValue("1s") Duration idleInterval,
                        @DefaultValue("30s") Duration sendTimeout) {
    }
}
