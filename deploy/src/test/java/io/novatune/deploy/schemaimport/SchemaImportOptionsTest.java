package io.novatune.deploy.schemaimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaImportOptionsTest {

    @Test
    void only_the_registry_url_is_needed_and_subjects_default_to_topic_record_names() {
        SchemaImportOptions options = SchemaImportOptions.parse(new String[] {"--registry-url", "http://registry:8081/"}, null);

        assertThat(options).isEqualTo(new SchemaImportOptions(
                URI.create("http://registry:8081"), false, SubjectNameStrategy.TOPIC_RECORD, Optional.empty()));
    }

    @Test
    void every_flag_is_read_and_the_flag_beats_the_environment_for_credentials() {
        SchemaImportOptions options = SchemaImportOptions.parse(new String[] {"--registry-url", "https://sr.example.com/registry",
                "--dry-run", "--subject-strategy", "record", "--basic-auth", "ops:flag"}, "ops:environment");

        assertThat(options).isEqualTo(new SchemaImportOptions(
                URI.create("https://sr.example.com/registry"), true, SubjectNameStrategy.RECORD, Optional.of("ops:flag")));
        assertThat(SchemaImportOptions.parse(new String[] {"--registry-url", "http://r:8081"}, "ops:environment").basicAuth())
                .contains("ops:environment");
        assertThat(SchemaImportOptions.parse(new String[] {"--registry-url", "http://r:8081", "--subject-strategy",
                "TopicRecordNameStrategy"}, null).subjectStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
    }

    @Test
    void a_missing_or_mistyped_argument_is_refused_with_a_reason() {
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[0], null)).hasMessageContaining("which registry?");
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[] {"--registry-url", "registry:8081"}, null))
                .hasMessageContaining("--registry-url must be an http:// or https:// URL");
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[] {"--registry-url", "http://r", "--subject-strategy", "topic"}, null))
                .hasMessageContaining("--subject-strategy must be one of topic-record, record, not topic");
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[] {"--registry-url", "http://r", "--basic-auth", "ops"}, null))
                .hasMessageContaining("--basic-auth must be user:password");
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[] {"--registry-url", "http://r"}, "ops"))
                .hasMessageContaining("$NOVATUNE_SCHEMA_REGISTRY_BASIC_AUTH must be user:password");
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[] {"--registry-url"}, null)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SchemaImportOptions.parse(new String[] {"--dryrun"}, null)).hasMessageContaining("unknown option --dryrun");
    }

    @Test
    void to_string_says_whether_there_are_credentials_but_never_shows_them() {
        SchemaImportOptions options = SchemaImportOptions.parse(new String[] {"--registry-url", "http://r:8081"}, "ops:s3cret-pass");

        assertThat(options.toString()).contains("http://r:8081", "basicAuth=(hidden)").doesNotContain("s3cret-pass", "ops:");
        assertThat(SchemaImportOptions.parse(new String[] {"--registry-url", "http://r:8081"}, null).toString()).contains("basicAuth=none");
    }
}
