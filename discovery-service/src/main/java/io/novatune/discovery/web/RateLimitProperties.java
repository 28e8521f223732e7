package io.novatune.discovery.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute each user may make, per kind of request. {@code discoverPerMinute} (jobs started) is the
 * strictest: a job makes many requests of the external music databases.
 */
@ConfigurationProperties("novatune.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60") int listPerMinute,
        @DefaultValue("20") int importPerMinute,
        @DefaultValue("30") int updatePerMinute,
        @DefaultValue("10") int deletePerMinute,
        @DefaultValue("5") int discoverPerMinute) {
}
