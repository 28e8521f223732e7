package io.novatune.deploy.schemaimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.novatune.deploy.testing.FreeTcpPort;
import io.novatune.events.serde.PinnedSchema;
import io.novatune.events.serde.PinnedSchemas;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** schema-import against {@link SchemaRegistryStandIn}, which keeps the real registry's IMPORT-mode rules. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaImportTest {

    private static final String TRACK_ADDED = "track-added-io.novatune.events.TrackAdded";
    private static final String ALBUM_ADDED = "track-added-io.novatune.events.AlbumAdded";
    private static final String ARCHIVE_DUE = "archive-due-io.novatune.events.ArchiveDue";
    private static final String SOMEONE_ELSES = """
            {"type":"record","name":"Invoice","namespace":"com.example.billing","fields":[{"name":"amount","type":"long"}]}""";
    /** TrackAdded v1 and v2 (the current class), with ids of their own. */
    private static final String TWO_VERSIONS = "fixtures/schema-import/schema-ids.csv";

    private final SchemaRegistryStandIn registry = new SchemaRegistryStandIn();
    private final PinnedSchemas pinned = PinnedSchemas.load();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void imports_every_pinned_schema_with_its_pinned_id_and_version_and_restores_the_mode() {
        registry.setSubjectMode(ARCHIVE_DUE, "READWRITE");

        importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty());

        assertThat(registry.idsByVersion(TRACK_ADDED)).containsExactly(entry(1, 1001));
        assertThat(registry.idsByVersion(ALBUM_ADDED)).containsExactly(entry(1, 1002));
        for (PinnedSchema schema : pinned.entries()) {
            assertThat(registry.idsByVersion(SubjectNameStrategy.TOPIC_RECORD.subjectOf(schema.fullName())))
                    .as(schema.toString()).containsExactly(entry(schema.version(), schema.id()));
        }
        assertThat(registry.subjects()).hasSize(pinned.entries().size());
        List<String> registrationsInIdOrder = pinned.entries().stream().sorted(Comparator.comparingInt(PinnedSchema::id))
                .map(schema -> "POST /subjects/" + SubjectNameStrategy.TOPIC_RECORD.subjectOf(schema.fullName()) + "/versions")
                .toList();
        assertThat(registry.writes()).filteredOn(write -> write.startsWith("POST ")).containsExactlyElementsOf(registrationsInIdOrder);
        assertThat(registry.writes()).containsSubsequence(
                "PUT /mode/" + TRACK_ADDED, "POST /subjects/" + TRACK_ADDED + "/versions", "DELETE /mode/" + TRACK_ADDED);
        // Back to following the global mode, except the subject that had a mode of its own, which gets it back.
        assertThat(registry.subjects().stream().filter(subject -> registry.subjectMode(subject).isPresent()))
                .containsExactly(ARCHIVE_DUE);
        assertThat(registry.subjectMode(ARCHIVE_DUE)).contains("READWRITE");
        assertThat(registry.contentTypes()).isNotEmpty().allMatch(SchemaRegistryClient.CONTENT_TYPE::equals);
        assertThat(output()).contains("id 1001   " + TRACK_ADDED).contains("imported")
                .contains("done: 13 imported, 0 already there");
    }

    @Test
    void the_imported_schema_text_parses_with_avro_to_the_pinned_fingerprint() {
        importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty());

        for (PinnedSchema schema : pinned.entries()) {
            String registered = registry.schemaText(schema.id()).orElseThrow();
            assertThat(SchemaNormalization.parsingFingerprint64(new Schema.Parser().parse(registered)))
                    .as(schema.toString()).isEqualTo(schema.fingerprint());
        }
    }

    @Test
    void a_second_run_changes_nothing_and_says_so() {
        importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty());
        List<String> writesOfTheFirstRun = registry.writes();
        output.reset();

        importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty());

        assertThat(registry.writes()).isEqualTo(writesOfTheFirstRun);
        assertThat(output().lines().filter(line -> line.endsWith("already there"))).hasSize(13);
        assertThat(output()).contains("nothing to import: all 13 pinned schema versions are already there; nothing was changed");
    }

    @Test
    void a_conflicting_schema_already_under_a_pinned_id_stops_with_a_clear_error_and_no_writes() {
        registry.holds("billing-value", 1, 1005, SOMEONE_ELSES);

        assertThatThrownBy(() -> importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("track-deleted-io.novatune.events.TrackRestored v1 (id 1005, io.novatune.events.TrackRestored): "
                        + "id 1005 already holds a different schema, com.example.billing.Invoice with fingerprint");
        assertThat(registry.writes()).isEmpty();
        assertThat(registry.subjects()).containsExactly("billing-value");
    }

    @Test
    void a_subject_version_holding_a_different_schema_is_a_conflict_too() {
        registry.holds(TRACK_ADDED, 1, 7, SOMEONE_ELSES);

        assertThatThrownBy(() -> importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()))
                .hasMessageContaining(TRACK_ADDED + " v1 (id 1001, io.novatune.events.TrackAdded): version 1 of " + TRACK_ADDED
                        + " already holds a different schema (id 7)");
        assertThat(registry.writes()).isEmpty();
    }

    @Test
    void a_dry_run_prints_the_plan_and_writes_nothing() {
        PinnedSchema albumAdded = pinned.entries().stream().filter(schema -> schema.id() == 1002).findFirst().orElseThrow();
        registry.holds(ALBUM_ADDED, 1, 1002, albumAdded.schema().toString());

        importInto(registry.url(), true, SubjectNameStrategy.TOPIC_RECORD, Optional.empty());

        assertThat(registry.writes()).isEmpty();
        assertThat(output()).containsPattern("id 1001 +" + TRACK_ADDED + " +v1 +would be imported")
                .containsPattern("id 1002 +" + ALBUM_ADDED + " +v1 +already there")
                .contains("dry run: 12 would be imported, 1 already there; nothing was written");
    }

    @Test
    void a_registry_that_answers_401_gives_a_clear_error_and_the_credentials_get_through() {
        registry.requireBasicAuth("ops", "s3cret");

        assertThatThrownBy(() -> importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("GET /schemas/ids/1001 with HTTP 401, error_code 401: Unauthorized")
                .hasMessageContaining("--basic-auth user:password or $NOVATUNE_SCHEMA_REGISTRY_BASIC_AUTH");
        assertThat(registry.writes()).isEmpty();

        importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.of("ops:s3cret"));

        assertThat(registry.subjects()).hasSize(13);
    }

    @Test
    void an_unreachable_registry_gives_a_clear_error() {
        URI nobodyListens = URI.create("http://127.0.0.1:" + FreeTcpPort.pick());

        assertThatThrownBy(() -> importInto(nobodyListens, false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reach the schema registry at " + nobodyListens + " (GET /schemas/ids/1001): connection refused");
    }

    @Test
    void a_new_version_goes_into_a_subject_that_already_has_the_earlier_ones_by_forcing_import_mode() {
        PinnedSchemas twoVersions = PinnedSchemas.load(TWO_VERSIONS);
        PinnedSchema first = twoVersions.entries().get(0);
        registry.holds(TRACK_ADDED, 1, first.id(), first.schema().toString());

        SchemaImport.run(new SchemaImportOptions(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()),
                twoVersions, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(registry.idsByVersion(TRACK_ADDED)).containsOnly(entry(1, 1001), entry(2, 1101));
        assertThat(registry.writes()).containsExactly("PUT /mode/" + TRACK_ADDED + "?force=true",
                "POST /subjects/" + TRACK_ADDED + "/versions", "DELETE /mode/" + TRACK_ADDED);
        assertThat(output()).contains("done: 1 imported, 1 already there");
    }

    @Test
    void an_id_the_registry_holds_in_an_older_text_is_registered_under_a_new_subject_in_the_registry_s_text() {
        PinnedSchema trackAdded = pinned.entries().get(0);
        Schema olderDocs = new Schema.Parser().parse(trackAdded.schema().toString().replace(
                "A track was added to a user's library.", "A track was added."));
        registry.holds("io.novatune.events.TrackAdded", 1, 1001, olderDocs.toString());

        importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty());

        assertThat(registry.idsByVersion(TRACK_ADDED)).containsExactly(entry(1, 1001));
        assertThat(registry.schemaText(1001)).contains(olderDocs.toString());
    }

    @Test
    void a_read_only_subject_is_not_switched_to_import_mode() {
        registry.setSubjectMode(TRACK_ADDED, "READONLY");

        assertThatThrownBy(() -> importInto(registry.url(), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()))
                .hasMessageContaining("subject " + TRACK_ADDED + " is in READONLY mode");
        assertThat(registry.subjectMode(TRACK_ADDED)).contains("READONLY");
    }

    @Test
    void the_record_name_strategy_names_subjects_by_the_full_name_alone() {
        importInto(registry.url(), false, SubjectNameStrategy.RECORD, Optional.empty());

        assertThat(registry.idsByVersion("io.novatune.events.TrackAdded")).containsExactly(entry(1, 1001));
        assertThat(registry.subjects()).hasSize(13).allMatch(subject -> subject.startsWith("io.novatune.events."));
    }

    @Test
    void the_stand_in_refuses_a_pinned_id_outside_import_mode_as_the_real_registry_does() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), Optional.empty());

        PinnedSchema trackAdded = pinned.entries().get(0);

        assertThatThrownBy(() -> client.register(TRACK_ADDED, trackAdded.id(), trackAdded.version(), trackAdded.schema().toString()))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 422, error_code 42205: Subject " + TRACK_ADDED + " is not in import mode");
        assertThat(registry.subjects()).isEmpty();
    }

    private void importInto(URI registryUrl, boolean dryRun, SubjectNameStrategy strategy, Optional<String> basicAuth) {
        SchemaImport.run(new SchemaImportOptions(registryUrl, dryRun, strategy, basicAuth), pinned,
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
