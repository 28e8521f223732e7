package io.novatune.events.serde;

import java.util.HexFormat;

import org.apache.avro.Schema;

/**
 * One pinned schema version: the id it is known by on the wire and in a schema registry.
 *
 * @param id          the wire id, never reused for another schema version
 * @param fullName    Avro full name, e.g. {@code io.novatune.events.TrackAdded}
 * @param version     1, 2, ... per full name
 * @param fingerprint the pinned 64-bit Rabin fingerprint of the schema's parsing canonical form
 * @param schema      the schema itself: the generated class's for the current version, a history file's otherwise
 */
public record PinnedSchema(int id, String fullName, int version, long fingerprint, Schema schema) {

    /** The fingerprint as written in the manifest: 16 lower-case hex digits. */
    public String fingerprintHex() {
        return HexFormat.of().toHexDigits(fingerprint);
    }

    @Override
    public String toString() {
        return fullName + " v" + version + " (id " + id + ")";
    }
}
