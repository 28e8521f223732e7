package io.novatune.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.novatune.events.Topics;
import io.novatune.events.TrackIndexed;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class PinnedSchemasTest {

    private final PinnedSchemas pinned = PinnedSchemas.load();

    @Test
    void the_bundled_manifest_is_read_once() {
        assertThat(PinnedSchemas.load()).isSameAs(pinned);
    }

    @Test
    void every_event_type_is_pinned_at_its_current_generated_schema() {
        for (Class<?> type : Topics.allEventTypes()) {
            Schema schema = SpecificData.get().getSchema(type);
            int id = pinned.idOf(schema);
            assertThat(pinned.writerSchema(id)).as(type.getName()).isSameAs(schema);
        }
    }

    @Test
    void the_current_version_comes_from_the_generated_class() {
        PinnedSchema trackIndexed = pinned.entries().stream()
                .filter(entry -> entry.fullName().equals("io.novatune.events.TrackIndexed"))
                .findFirst().orElseThrow();

        assertThat(trackIndexed.schema()).isSameAs(TrackIndexed.getClassSchema());
        assertThat(trackIndexed.fingerprintHex()).hasSize(16);
    }

    @Test
    void a_schema_changed_without_a_new_version_is_refused_by_name() {
        Schema changed = SchemaBuilder.record("TrackIndexed").namespace("io.novatune.events").fields()
                .requiredString("isrc").endRecord();

        assertThatThrownBy(() -> pinned.idOf(changed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema io.novatune.events.TrackIndexed changed without a new version in schema-ids.csv");
    }

    @Test
    void a_schema_that_was_never_pinned_has_no_id() {
        Schema unknown = SchemaBuilder.record("Unpinned").namespace("io.novatune.events").fields().endRecord();

        assertThatThrownBy(() -> pinned.idOf(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no schema id is pinned for io.novatune.events.Unpinned");
    }

    @Test
    void an_unknown_id_is_named_in_the_error() {
        assertThatThrownBy(() -> pinned.writerSchema(99))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown schema id 99");
    }

    @Test
    void superseded_versions_are_read_from_history_files_beside_the_manifest() {
        PinnedSchemas fixture = PinnedSchemas.load("fixtures/compatible-v2/schema-ids.csv");

        assertThat(fixture.writerSchema(2501).getField("genre")).isNull();
        assertThat(fixture.writerSchema(2502)).isSameAs(SpecificData.get().getSchema(io.novatune.events.TrackAdded.class));
        assertThat(fixture.idOf(io.novatune.events.TrackAdded.getClassSchema())).isEqualTo(2502);
    }

    @Test
    void an_id_pinned_twice_is_refused_when_indexing() {
        List<PinnedSchema> rows = PinnedSchemas.readManifest("fixtures/reused-id/schema-ids.csv");

        assertThatThrownBy(() -> new PinnedSchemas("fixtures/reused-id/schema-ids.csv", rows))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pins id 2301 twice");
    }

    @Test
    void a_superseded_version_without_a_history_file_is_a_clear_error() {
        assertThatThrownBy(() -> PinnedSchemas.readManifest("fixtures/missing-history/schema-ids.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.novatune.events.TrackIndexed v1")
                .hasMessageContaining("fixtures/missing-history/history/io.novatune.events.TrackIndexed.v1.avsc");
    }
}
