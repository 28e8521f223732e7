package io.novatune.events.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a consumer retries a record that failed before it is dead-lettered ({@code novatune.kafka.*}).
 *
 * @param retry back-off of the {@code DefaultErrorHandler}; records that can never succeed skip it
 */
@ConfigurationProperties("novatune.kafka")
public record EventKafkaProperties(@DefaultValue Retry retry) {

    /**
     * @param maxRetries      attempts after the first one; the record then goes to {@code <topic>.DLT}
     * @param initialInterval wait before the first retry
     * @param multiplier      growth of the wait from one retry to the next
     * @param maxInterval     longest wait; keep it well under {@code max.poll.interval.ms}, the container
     *                        sleeps in the poll loop while it backs off
     *
     * The defaults wait about two minutes in all (1 + 2 + 4 + 8 + 16 + 30 + 30 + 30 s): a record that failed on a
     * database or storage failover is retried after it rather than dead-lettered during it.
     */
    public record Retry(@DefaultValue("8") int maxRetries,
                        @DefaultValue("1s") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier,
                        @DefaultValue("30s") Duration maxInterval) {
    }
}
