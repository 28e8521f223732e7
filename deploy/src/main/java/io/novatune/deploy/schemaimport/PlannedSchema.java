package io.novatune.deploy.schemaimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.novatune.events.serde.PinnedSchema;

/**
 * What schema-import does with one pinned schema version, decided from reads only.
 *
 * @param text      the schema text to register: the registry's own when it already holds the pinned id (it keeps
 *                  the first text of an id and refuses any other, even one differing only in docs), else the pinned one
 * @param conflicts why it cannot be imported, each naming subject, version and id; empty unless {@link Action#CONFLICT}
 */
record PlannedSchema(PinnedSchema pinned, String subject, Action action, String text, List<String> conflicts) {

    enum Action { IMPORT, ALREADY_THERE, CONFLICT }

    /**
     * Compares the pinned version with what the registry holds under its id and under its subject and version.
     * Either one holding a different schema is a conflict, and so is the subject version holding the same schema
     * under another id: importing would rewrite what consumers may already have resolved.
     */
    static PlannedSchema of(PinnedSchema pinned, String subject, SchemaRegistryClient registry) {
        Optional<RegisteredSchema> underId = registry.schemaById(pinned.id());
        Optional<RegisteredSchema> atVersion = registry.subjectVersion(subject, pinned.version());
        String where = subject + " v" + pinned.version() + " (id " + pinned.id() + ", " + pinned.fullName() + ")";
        List<String> conflicts = new ArrayList<>();
        underId.filter(registered -> !registered.sameAs(pinned)).ifPresent(registered -> conflicts.add(
                where + ": id " + pinned.id() + " already holds a different schema, " + registered.describe()));
        atVersion.filter(registered -> !registered.sameAs(pinned)).ifPresent(registered -> conflicts.add(
                where + ": version " + pinned.version() + " of " + subject + " already holds a different schema (id "
                        + registered.id() + "), " + registered.describe()));
        atVersion.filter(registered -> registered.sameAs(pinned) && registered.id() != pinned.id()).ifPresent(registered ->
                conflicts.add(where + ": version " + pinned.version() + " of " + subject + " holds this schema under id "
                        + registered.id() + ", not the pinned id " + pinned.id()));
        String text = underId.map(RegisteredSchema::text).orElse(pinned.schema().toString());
        if (!conflicts.isEmpty()) {
            return new PlannedSchema(pinned, subject, Action.CONFLICT, text, List.copyOf(conflicts));
        }
        return new PlannedSchema(pinned, subject, atVersion.isPresent() ? Action.ALREADY_THERE : Action.IMPORT, text, List.of());
    }

    /** One line of schema-import's report. */
    String line(String outcome) {
        return String.format("  id %-6d %-60s v%-3d %s", pinned.id(), subject, pinned.version(), outcome);
    }
}
