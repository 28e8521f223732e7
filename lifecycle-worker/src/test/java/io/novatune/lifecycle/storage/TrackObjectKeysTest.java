package io.novatune.lifecycle.storage;

import io.novatune.platform.storage.ObjectKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.List;
import java.util.Map;

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
    void a_user_id_with_a_slash_owns_its_encoded_place_and_not_the_raw_path_of_someone_else() {
        assertThat(keys.belongsTo("audio/tenant%2Falice/T1", "tenant/alice", "T1")).isTrue();
        assertThat(keys.belongsTo("audio/tenant/alice/T1", "tenant/alice", "T1")).isFalse();
        assertThat(keys.belongsTo("audio/%2E%2E/T1", "..", "T1")).isTrue();
    }

    @Test
    void by_default_every_prefix_of_the_bucket_layout_is_a_track_prefix_waveforms_included() {
        S3Properties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("novatune.s3", S3Properties.class);

        assertThat(defaults.trackPrefixes()).containsExactlyElementsOf(ObjectKeys.TRACK_PREFIXES);
        assertThat(new TrackObjectKeys(defaults).belongsTo("waveforms/u1/T1", "u1", "T1")).isTrue();
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
