package io.novatune.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build gate: a schema change that breaks a rule of {@link SchemaCompatibilityCheck} fails {@code mvn install}. */
class PinnedSchemasAreCompatibleTest {

    @Test
    void the_pinned_manifest_breaks_no_rule() {
        assertThat(SchemaCompatibilityCheck.violations(PinnedSchemas.readManifest(PinnedSchemas.MANIFEST)))
                .as("violations of the schema rules (see schemas/README.md)")
                .isEmpty();
    }
}
