package io.novatune.deploy.schemaimport;

import java.util.HexFormat;
import java.util.Optional;

import io.novatune.events.serde.PinnedSchema;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A schema as a registry holds it, under an id.
 *
 * @param schemaType {@code AVRO} unless the registry says otherwise (it leaves the field out for Avro)
 * @param text       the schema text, as the registry stores it (its own canonical form, not our file's)
 */
record RegisteredSchema(int id, String schemaType, String text) {

    static final String AVRO = "AVRO";

    /**
     * Whether this is the pinned schema as far as the wire is concerned: Avro with the pinned parsing-canonical-form
     * fingerprint. The text itself is not compared, because the registry rewrites it and a doc-only edit keeps its
     * version and id (schemas/README.md).
     */
    boolean sameAs(PinnedSchema pinned) {
        return avroSchema().filter(schema -> SchemaNormalization.parsingFingerprint64(schema) == pinned.fingerprint()).isPresent();
    }

    /** The schema, when it is Avro and parses. */
    private Optional<Schema> avroSchema() {
        if (!AVRO.equals(schemaType)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Schema.Parser().parse(text));
        } catch (AvroRuntimeException notAvro) {
            return Optional.empty();
        }
    }

    /** For error messages: enough to tell this schema from the pinned one. */
    String describe() {
        return avroSchema()
                .map(schema -> schema.getFullName() + " with fingerprint "
                        + HexFormat.of().toHexDigits(SchemaNormalization.parsingFingerprint64(schema)))
                .orElse("a " + schemaType + " schema that does not parse as Avro");
    }
}
