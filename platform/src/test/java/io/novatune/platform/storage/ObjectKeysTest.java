package io.novatune.platform.storage;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ObjectKeysTest {

    @ParameterizedTest
    @CsvSource({
            "user-1, user-1",
            "alice@example.com, alice@example.com",
            "auth0|5f7c8ec7c33c6c004bbafe82, auth0|5f7c8ec7c33c6c004bbafe82",
            "tenant/alice, tenant%2Falice",
            "../other-user, ..%2Fother-user",
            "a\\b, a%5Cb",
            "100%, 100%25",
            "., %2E",
            "'..', %2E%2E"})
    void an_id_stays_one_segment_of_its_own(String id, String segment) {
        assertThat(ObjectKeys.segment(id)).isEqualTo(segment).doesNotContain("/");
    }

    @Test
    void a_control_character_is_encoded() {
        assertThat(ObjectKeys.segment("a\u0000b\nc")).isEqualTo("a%00b%0Ac");
    }

    @Test
    void two_different_ids_never_share_a_place() {
        List<String> ids = List.of("a/b", "a%2Fb", "a%252Fb", "a", "a%", "%2E", ".", "..", "%2E%2E");

        assertThat(ids.stream().map(ObjectKeys::segment).distinct()).hasSameSizeAs(ids);
    }

    @Test
    void a_tracks_key_is_its_prefix_its_user_and_its_id() {
        assertThat(ObjectKeys.key(ObjectKeys.UPLOADED_AUDIO, "tenant/alice", "trk-1")).isEqualTo("audio/tenant%2Falice/trk-1");
        assertThat(ObjectKeys.TRACK_PREFIXES).contains("waveforms/").allSatisfy(prefix -> assertThat(prefix).endsWith("/"));
    }

    @Test
    void an_empty_id_has_no_key() {
        assertThatThrownBy(() -> ObjectKeys.segment("")).isInstanceOf(IllegalArgumentException.class);
    }
}
