package io.novatune.events.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The schema ids pinned in the manifest {@value #MANIFEST}, so that no registry server is needed at run time.
 * <p>
 * Manifest rows are {@code id,fullName,version,fingerprint}. The current (highest) version of a full name is
 * the generated class's {@code SCHEMA$}; superseded versions are read from
 * {@code history/<fullName>.v<version>.avsc} next to the manifest. Immutable and thread-safe.
 */
public final class PinnedSchemas {

    static {
        TrustedEventClasses.install();
    }

    public static final String MANIFEST = "io/novatune/events/schema-ids.csv";

    private static final String HEADER = "id,fullName,version,fingerprint";

    private final String manifest;
    private final List<PinnedSchema> entries;
    private final Map<Integer, PinnedSchema> byId = new HashMap<>();
    private final Map<String, PinnedSchema> currentByFullName = new HashMap<>();

    /**
     * Indexes {@code entries}; refuses ambiguous ones (an id or a version pinned twice), which
     * {@link SchemaCompatibilityCheck} reports at build time.
     */
    public PinnedSchemas(String manifest, List<PinnedSchema> entries) {
        this.manifest = manifest;
        this.entries = List.copyOf(entries);
        Map<String, PinnedSchema> byVersion = new HashMap<>();
        for (PinnedSchema entry : this.entries) {
            PinnedSchema sameId = byId.putIfAbsent(entry.id(), entry);
            if (sameId != null) {
                throw new IllegalStateException(manifest + " pins id " + entry.id() + " twice: " + sameId + " and " + entry);
            }
            PinnedSchema sameVersion = byVersion.putIfAbsent(entry.fullName() + " v" + entry.version(), entry);
            if (sameVersion != null) {
                throw new IllegalStateException(manifest + " pins " + entry.fullName() + " v" + entry.version()
                        + " twice: ids " + sameVersion.id() + " and " + entry.id());
            }
            currentByFullName.merge(entry.fullName(), entry, (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    /** The manifest shipped in this jar; read once. */
    public static PinnedSchemas load() {
        return Bundled.INSTANCE;
    }

    /** A manifest at a classpath resource path, with its history files beside it (used by tests and tools). */
    public static PinnedSchemas load(String manifestResource) {
        return new PinnedSchemas(manifestResource, readManifest(manifestResource));
    }

    /** The rows of a manifest without any checks, for {@link SchemaCompatibilityCheck}. */
    public static List<PinnedSchema> readManifest(String manifestResource) {
        List<Row> rows = parseRows(manifestResource);
        Map<String, Integer> currentVersions = new HashMap<>();
        rows.forEach(row -> currentVersions.merge(row.fullName(), row.version(), Math::max));

        String historyDir = manifestResource.contains("/")
                ? manifestResource.substring(0, manifestResource.lastIndexOf('/') + 1) + "history/"
                : "history/";
        List<PinnedSchema> entries = new ArrayList<>();
        for (Row row : rows) {
            boolean current = row.version() == currentVersions.get(row.fullName());
            Schema schema = (current ? generatedSchema(row.fullName()) : Optional.<Schema>empty())
                    .orElseGet(() -> historySchema(historyDir, row, manifestResource));
            entries.add(new PinnedSchema(row.id(), row.fullName(), row.version(), row.fingerprint(), schema));
        }
        return entries;
    }

    /**
     * The wire id of {@code schema}, which must be the current version of its full name.
     *
     * @throws IllegalArgumentException when no version of that full name is pinned
     * @throws IllegalStateException    when the schema differs from the pinned current version
     */
    public int idOf(Schema schema) {
        PinnedSchema current = currentByFullName.get(schema.getFullName());
        if (current == null) {
            throw new IllegalArgumentException("no schema id is pinned for " + schema.getFullName() + " in " + manifest);
        }
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (fingerprint != current.fingerprint()) {
            throw new IllegalStateException("schema " + schema.getFullName() + " changed without a new version in "
                    + manifest.substring(manifest.lastIndexOf('/') + 1) + ": v" + current.version() + " is pinned in "
                    + manifest + " with fingerprint " + current.fingerprintHex() + " but the schema's is "
                    + HexFormat.of().toHexDigits(fingerprint));
        }
        return current.id();
    }

    /**
     * The schema a record with this id was written with.
     *
     * @throws EventDecodingException when the id is not pinned: the id came off the wire, so the record is bad
     */
    public Schema writerSchema(int id) {
        PinnedSchema entry = byId.get(id);
        if (entry == null) {
            throw new EventDecodingException("unknown schema id " + id + ": it is not pinned in " + manifest);
        }
        return entry.schema();
    }

    /** Every pinned version, in manifest order. */
    public List<PinnedSchema> entries() {
        return entries;
    }

    private static Optional<Schema> generatedSchema(String fullName) {
        try {
            Class<?> type = Class.forName(fullName, true, PinnedSchemas.class.getClassLoader());
            return SpecificRecord.class.isAssignableFrom(type)
                    ? Optional.of(SpecificData.get().getSchema(type))
                    : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Schema historySchema(String historyDir, Row row, String manifestResource) {
        String path = historyDir + row.fullName() + ".v" + row.version() + ".avsc";
        try (InputStream in = PinnedSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(manifestResource + " line " + row.line() + " pins " + row.fullName()
                        + " v" + row.version() + ", which is neither a generated class's current schema nor a history file "
                        + path);
            }
            // A fresh parser per file: each history file is a complete, self-contained schema.
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static List<Row> parseRows(String manifestResource) {
        InputStream in = PinnedSchemas.class.getClassLoader().getResourceAsStream(manifestResource);
        if (in == null) {
            throw new IllegalStateException("no schema manifest " + manifestResource + " on the classpath");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean headerSeen = false;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalStateException(manifestResource + " must start with the header " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                rows.add(Row.parse(line, lineNumber, manifestResource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifestResource, e);
        }
        return rows;
    }

    private record Row(int line, int id, String fullName, int version, long fingerprint) {

        static Row parse(String text, int line, String manifestResource) {
            String[] columns = text.split(",", -1);
            try {
                if (columns.length != 4) {
                    throw new IllegalArgumentException("expected 4 columns but found " + columns.length);
                }
                return new Row(line, Integer.parseInt(columns[0].strip()), columns[1].strip(),
                        Integer.parseInt(columns[2].strip()), HexFormat.fromHexDigitsToLong(columns[3].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(manifestResource + " line " + line + " is not " + HEADER + ": " + text, e);
            }
        }
    }

    /** Holder idiom: the bundled manifest is read on first use, once, without locking afterwards. */
    private static final class Bundled {
        static final PinnedSchemas INSTANCE = load(MANIFEST);
    }
}
