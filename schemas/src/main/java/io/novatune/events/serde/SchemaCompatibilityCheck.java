package io.novatune.events.serde;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaNormalization;

/**
 * The rules a set of pinned schemas must keep, checked at build time so that a breaking change never ships:
 * <ul>
 *   <li>no id is pinned twice (an id on the wire must mean exactly one schema, forever);</li>
 *   <li>no (full name, version) is pinned twice;</li>
 *   <li>every pinned fingerprint is that of its schema, and the schema has the pinned full name
 *       (so the current generated class cannot change without a new version);</li>
 *   <li>BACKWARD_TRANSITIVE: each version can read data written with every earlier version of its full name
 *       (consumers may meet any old record when a topic is replayed).</li>
 * </ul>
 */
public final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    /** Every broken rule, one sentence each; empty when all rules hold. */
    public static List<String> violations(List<PinnedSchema> entries) {
        List<String> violations = new ArrayList<>();
        reportDuplicates(entries, entry -> "id " + entry.id(), violations);
        reportDuplicates(entries, entry -> entry.fullName() + " v" + entry.version(), violations);
        entries.forEach(entry -> checkFingerprintAndName(entry, violations));
        entries.stream()
                .collect(Collectors.groupingBy(PinnedSchema::fullName, LinkedHashMap::new, Collectors.toList()))
                .values()
                .forEach(versions -> checkBackwardTransitive(versions, violations));
        return List.copyOf(violations);
    }

    private static void reportDuplicates(List<PinnedSchema> entries,
                                         Function<PinnedSchema, String> key,
                                         List<String> violations) {
        entries.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()))
                .forEach((what, pins) -> {
                    if (pins.size() > 1) {
                        violations.add(what + " is pinned more than once: " + pins);
                    }
                });
    }

    private static void checkFingerprintAndName(PinnedSchema entry, List<String> violations) {
        if (!entry.schema().getFullName().equals(entry.fullName())) {
            violations.add(entry + " is pinned for a schema named " + entry.schema().getFullName());
        }
        long actual = SchemaNormalization.parsingFingerprint64(entry.schema());
        if (actual != entry.fingerprint()) {
            violations.add(entry + " is pinned with fingerprint " + entry.fingerprintHex()
                    + " but its schema's fingerprint is " + HexFormat.of().toHexDigits(actual)
                    + " (a changed schema needs a new version and id; an unchanged one needs the right fingerprint)");
        }
    }

    private static void checkBackwardTransitive(List<PinnedSchema> versions, List<String> violations) {
        List<PinnedSchema> ordered = versions.stream().sorted(Comparator.comparingInt(PinnedSchema::version)).toList();
        for (int later = 1; later < ordered.size(); later++) {
            PinnedSchema reader = ordered.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                PinnedSchema writer = ordered.get(earlier);
                if (writer.version() == reader.version()) {
                    continue; // a version pinned twice is reported above
                }
                SchemaPairCompatibility result =
                        SchemaCompatibility.checkReaderWriterCompatibility(reader.schema(), writer.schema());
                if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    violations.add(reader + " cannot read data written with " + writer + ": "
                            + describe(result, reader.schema()));
                }
            }
        }
    }

    private static String describe(SchemaPairCompatibility result, Schema reader) {
        return result.getResult().getIncompatibilities().stream()
                .map(incompatibility -> incompatibility.getMessage() + " at " + incompatibility.getLocation()
                        + fieldName(reader, incompatibility.getLocation()))
                .collect(Collectors.joining("; "));
    }

    /** Avro locates a problem as a JSON pointer like {@code /fields/1/type}; people want the field's name. */
    private static String fieldName(Schema reader, String location) {
        String[] path = location.split("/");
        if (reader.getType() != Schema.Type.RECORD || path.length < 3 || !path[1].equals("fields")) {
            return "";
        }
        try {
            return " (field " + reader.getFields().get(Integer.parseInt(path[2])).name() + ")";
        } catch (RuntimeException notAFieldIndex) {
            return "";
        }
    }
}
