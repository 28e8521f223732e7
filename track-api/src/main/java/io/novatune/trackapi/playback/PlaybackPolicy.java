package io.novatune.trackapi.playback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param urlTtl how long a presigned playback URL works: long enough to start playing (a player fetches ranges as
 *               it goes, and asks for a new URL when one expires), short enough that a shared URL soon stops working
 */
@ConfigurationProperties("novatune.playback")
public record PlaybackPolicy(@DefaultValue("15m") Duration urlTtl) {
}
