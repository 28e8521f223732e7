package io.novatune.lifecycle.storage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackObjectKeysTest {

    private final TrackObjectKeys keys = new TrackObjectKeys(new S3Properties("novatune-media",
            List.of("audio/", "tracks-audio/", "tracks-covers/", "tracks-videos/")));

    @Test
    void a_key_belongs_to_a_track_under_a_track_prefix_followed_by_its_user_and_track_and_an_optional_suffix() {
        assertThat(keys.belongsTo("audio/u1/T1", "u1", "T1")).isTrue();
        assertThat(keys.belongsTo("audio/u1/T1.waveform.json", "u1", "T1")).isTrue();
        assertThat(keys.belongsTo("tracks-audio/u1/T1.mp3", "u1", "T1")).isTrue();
        assertThat(keys.belongsTo("tracks-covers/u1/T1.jpg", "u1", "T1")).isTrue();
        assertThat(keys.belongsTo("tracks-videos/u1/T1.mp4", "u1", "T1")).isTrue();
    }

    @Test
    void a_key_of_another_user_or_track_or_outside_the_prefixes_does_not() {
        assertThat(keys.belongsTo("audio/u2/T1", "u1", "T1")).isFalse();
        assertThat(keys.belongsTo("audio/u1/T10", "u1", "T1")).isFalse();
        assertThat(keys.belongsTo("audio/u1/", "u1", "")).isFalse();
        assertThat(keys.belongsTo("backups/u1/T1", "u1", "T1")).isFalse();
        assertThat(keys.belongsTo("audio/u1/T1", "u1/T1", "")).isFalse();
        assertThat(keys.belongsTo("xaudio/u1/T1", "u1", "T1")).isFalse();
    }
}
