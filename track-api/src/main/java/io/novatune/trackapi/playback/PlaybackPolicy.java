package io.novatune.trackapi.playback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param urlTtl how long a playback link of our copy works: long enough to play a track through (a player fetches
 *               ranges as it goes, and asks for a new link when one expires), short enough that a shared link soon
 *               stops working. A deleted track's links stop at once: every request checks the track.
 */
@ConfigurationProperties("novatune.playback")
public record PlaybackPolicy(@DefaultValue("15m") Duration urlTtl) {
}
