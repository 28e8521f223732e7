package io.novatune.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import io.novatune.events.TrackAdded;
import io.novatune.events.TrackSource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Proves the build gate can fail, with deliberately bad manifests under {@code fixtures/}. */
class SchemaCompatibilityCheckTest {

    private static List<String> violationsOf(String fixture) {
        return SchemaCompatibilityCheck.violations(PinnedSchemas.readManifest("fixtures/" + fixture + "/schema-ids.csv"));
    }

    @Test
    void a_new_required_field_without_a_default_is_reported() {
        assertThat(violationsOf("incompatible-v2")).singleElement().asString()
                .contains("io.novatune.fixtures.Playlist v2 (id 2102) cannot read data written with io.novatune.fixtures.Playlist v1 (id 2101)")
                .contains("ownerId");
    }

    @Test
    void a_field_whose_type_changed_is_reported() {
        assertThat(violationsOf("type-changed-v2")).singleElement().asString()
                .contains("Playlist v2 (id 2202) cannot read data written with io.novatune.fixtures.Playlist v1 (id 2201)")
                .contains("trackCount");
    }

    @Test
    void a_version_is_checked_against_every_earlier_version_not_only_the_previous_one() {
        assertThat(violationsOf("transitive")).singleElement().asString()
                .contains("Playlist v3 (id 2403) cannot read data written with io.novatune.fixtures.Playlist v1 (id 2401)");
    }

    @Test
    void a_reused_id_is_reported() {
        assertThat(violationsOf("reused-id")).singleElement().asString()
                .startsWith("id 2301 is pinned more than once");
    }

    @Test
    void a_version_pinned_twice_is_reported() {
        PinnedSchema v1 = PinnedSchemas.load().entries().get(0);
        PinnedSchema again = new PinnedSchema(9999, v1.fullName(), v1.version(), v1.fingerprint(), v1.schema());

        assertThat(SchemaCompatibilityCheck.violations(List.of(v1, again))).singleElement().asString()
                .startsWith(v1.fullName() + " v1 is pinned more than once");
    }

    @Test
    void a_fingerprint_that_does_not_match_its_schema_is_reported() {
        PinnedSchema v1 = PinnedSchemas.load().entries().get(0);
        PinnedSchema wrong = new PinnedSchema(v1.id(), v1.fullName(), v1.version(), v1.fingerprint() + 1, v1.schema());

        assertThat(SchemaCompatibilityCheck.violations(List.of(wrong))).singleElement().asString()
                .contains("is pinned with fingerprint " + wrong.fingerprintHex())
                .contains("its schema's fingerprint is " + v1.fingerprintHex());
    }

    @Test
    void a_compatible_v2_with_a_new_optional_field_is_accepted() {
        assertThat(violationsOf("compatible-v2")).isEmpty();
    }

    @Test
    void a_record_written_with_v1_decodes_into_the_current_class() throws IOException {
        PinnedSchemas pinned = PinnedSchemas.load("fixtures/compatible-v2/schema-ids.csv");
        Schema v1 = pinned.writerSchema(2501);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "0b7e5c1e-1111-4c3a-9d00-000000000001");
        old.put("occurredAt", Instant.parse("2025-01-02T03:04:05.006Z").toEpochMilli());
        old.put("trackId", "t-old");
        old.put("userId", "u-old");
        old.put("source", new GenericData.EnumSymbol(v1.getField("source").schema(), "UPLOAD"));
        old.put("title", "Old Title");
        old.put("artist", "Old Artist");
        old.put("album", null);
        old.put("isrc", "GBAYE0601498");

        SpecificRecord decoded = new EventDeserializer(pinned).deserialize("track-added", wire(2501, v1, old));

        assertThat(decoded).isInstanceOfSatisfying(TrackAdded.class, event -> {
            assertThat(event.getTrackId()).isEqualTo("t-old");
            assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.006Z"));
            assertThat(event.getSource()).isEqualTo(TrackSource.UPLOAD);
            assertThat(event.getIsrc()).isEqualTo("GBAYE0601498");
            assertThat(event.getGenre()).isNull();
            assertThat(event.getDurationMs()).isNull();
            assertThat(event.getCatalogRef()).isNull();
        });
    }

    /** Frames a generic record the way an old producer did: magic byte, schema id, Avro body. */
    private static byte[] wire(int schemaId, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
