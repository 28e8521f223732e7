package io.novatune.trackapi.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Requests per minute each user may make, per kind of request. */
@ConfigurationProperties("novatune.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60") int listPerMinute,
        @DefaultValue("30") int updatePerMinute,
        @DefaultValue("10") int deletePerMinute,
        @DefaultValue("120") int addPerMinute,
        @DefaultValue("20") int albumAddPerMinute,
        @DefaultValue("30") int archivePerMinute) {

    Integer perMinute(TrackRequestKind kind) {
        return switch (kind) {
            case LIST -> listPerMinute;
            case ADD -> addPerMinute;
            case UPDATE -> updatePerMinute;
            case DELETE -> deletePerMinute;
            case ADD_ALBUM -> albumAddPerMinute;
            case ARCHIVE -> archivePerMinute;
            case GET -> null;
        };
    }
}
