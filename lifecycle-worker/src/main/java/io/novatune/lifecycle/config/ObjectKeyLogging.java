package io.novatune.lifecycle.config;

import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * Object keys name users' files, so log lines carry them only where {@code novatune.lifecycle.logging.object-keys}
 * allows it (the local profile); otherwise a line has the track and user ids and counts only.
 */
@Component
public class ObjectKeyLogging {

    private final boolean allowed;

    public ObjectKeyLogging(LoggingProperties properties) {
        this.allowed = properties.objectKeys();
    }

    public LoggingEventBuilder withKeys(LoggingEventBuilder line, String name, Collection<String> keys) {
        return allowed ? line.addKeyValue(name, List.copyOf(keys)) : line;
    }
}
