package io.novatune.discovery.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** How often the relay looks for finished jobs, how many per round, and how long Kafka may take to acknowledge. */
@ConfigurationProperties("novatune.discovery.outbox")
public record OutboxProperties(@DefaultValue("500ms") Duration interval, @DefaultValue("20") int batchSize,
                               @DefaultValue("10s") Duration sendTimeout) {
}
