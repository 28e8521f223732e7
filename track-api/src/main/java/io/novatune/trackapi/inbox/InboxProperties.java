package io.novatune.trackapi.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retention how long a processed event's id is remembered. Longer than the result topics' retention, so
 *                  that no event a replay can still bring back has been forgotten; replayed older results find their
 *                  track already changed and have no effect anyway.
 */
@ConfigurationProperties("novatune.inbox")
public record InboxProperties(@DefaultValue("30d") Duration retention) {
}
