package io.novatune.lifecycle.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param objectKeys log object keys; off in production, where a key names a user's file (the local profile
 *                   turns it on for debugging). Logs otherwise carry only track and user ids and counts.
 */
@ConfigurationProperties("novatune.lifecycle.logging")
public record LoggingProperties(@DefaultValue("false") boolean objectKeys) {
}
