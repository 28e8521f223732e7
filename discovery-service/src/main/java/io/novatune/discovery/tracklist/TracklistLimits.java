package io.novatune.discovery.tracklist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** How large a tracklist may be. */
@ConfigurationProperties("novatune.tracklists")
public record TracklistLimits(@DefaultValue("1MB") DataSize maxContentSize, @DefaultValue("500") int maxEntries) {
}
