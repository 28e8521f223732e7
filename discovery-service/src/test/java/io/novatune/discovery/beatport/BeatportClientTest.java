package io.novatune.discovery.beatport;

import io.novatune.discovery.lookup.Candidate;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BeatportClientTest {

    @Test
    void a_recorded_search_answer_gives_candidates_with_mix_name_label_catalog_number_bpm_and_key() throws Exception {
        List<Candidate> candidates;
        try (InputStream in = MusicDatabaseStandIn.class.getResourceAsStream("/io/novatune/infra/standin/musicdatabases/beatport-tracks.json")) {
            candidates = BeatportClient.candidates(JsonMapper.builder().build().readTree(in));
        }

        assertThat(candidates).hasSize(2);
        Candidate flutes = candidates.get(0);
        assertThat(flutes.source()).isEqualTo("beatport");
        assertThat(flutes.externalId()).isEqualTo("3621490");
        assertThat(flutes.track().artist()).isEqualTo("Hot Chip");
        assertThat(flutes.track().title()).isEqualTo("Flutes");
        assertThat(flutes.track().remix()).isEqualTo("Sasha Remix");
        assertThat(flutes.track().label()).isEqualTo("Domino");
        assertThat(flutes.track().durationMs()).isEqualTo(562_000L);
        assertThat(flutes.catalogNumber()).isEqualTo("RUG459D");
        assertThat(flutes.genre()).isEqualTo("Electronica");
        assertThat(flutes.bpm()).isEqualTo(122.0);
        assertThat(flutes.musicalKey()).isEqualTo("A minor");
        assertThat(flutes.searchScore()).isGreaterThan(candidates.get(1).searchScore());
    }

    @Test
    void keys_are_written_as_the_other_sources_write_them() {
        assertThat(BeatportClient.key("F Minor")).isEqualTo("F minor");
        assertThat(BeatportClient.key("C# Major")).isEqualTo("C# major");
        assertThat(BeatportClient.key("  ")).isNull();
        assertThat(BeatportClient.key(null)).isNull();
    }
}
