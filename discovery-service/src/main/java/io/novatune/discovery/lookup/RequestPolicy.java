package io.novatune.discovery.lookup;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How an adapter may call its database: {@code requests} per {@code per} (spaced evenly, shared by every job of this
 * instance), each within {@code timeout}, up to {@code maxAttempts} tries with waits doubling from {@code retryWait}
 * unless the database named one ({@code Retry-After}, honoured up to {@code maxRetryAfter}).
 */
public record RequestPolicy(
        @DefaultValue("1") int requests,
        @DefaultValue("1s") Duration per,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1s") Duration retryWait,
        @DefaultValue("20s") Duration maxRetryAfter) {

    public static RequestPolicy defaults() {
        return new RequestPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(10), 4, Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    /**
     * The least time between two requests that keeps {@code requests} in any window of {@code per}, plus 5 %: the
     * database measures when requests arrive, and arrivals jitter on the way.
     */
    public Duration spacing() {
        return per.dividedBy(requests).multipliedBy(105).dividedBy(100);
    }
}
