package io.novatune.deploy.schemaimport;

import java.util.Optional;

/**
 * Puts one subject in IMPORT mode, which a registry needs before it takes a schema with a given id and version, and
 * puts it back as it was on {@link #close()}: its own mode again, or none so that it follows the global mode.
 * Only a subject in READWRITE mode is switched; one already in IMPORT mode is left as it is, and a read-only one is
 * refused, since someone froze it on purpose.
 */
final class ImportModeSwitch implements AutoCloseable {

    private final SchemaRegistryClient registry;
    private final String subject;
    private final boolean switched;
    private final Optional<String> previousSubjectMode;

    private ImportModeSwitch(SchemaRegistryClient registry, String subject, boolean switched, Optional<String> previousSubjectMode) {
        this.registry = registry;
        this.subject = subject;
        this.switched = switched;
        this.previousSubjectMode = previousSubjectMode;
    }

    static ImportModeSwitch enter(SchemaRegistryClient registry, String subject) {
        Optional<String> subjectMode = registry.subjectMode(subject);
        String mode = subjectMode.orElseGet(registry::globalMode);
        if (SchemaRegistryClient.IMPORT.equals(mode)) {
            return new ImportModeSwitch(registry, subject, false, subjectMode);
        }
        if (!SchemaRegistryClient.READWRITE.equals(mode)) {
            throw new IllegalStateException("subject " + subject + " is in " + mode + " mode; schema-import switches only "
                    + "subjects in READWRITE mode to IMPORT and back");
        }
        // The registry refuses IMPORT for a subject with versions unless forced; PlannedSchema has already made
        // sure that none of those versions is in the way of a pinned one.
        boolean hasVersions = !registry.versions(subject).isEmpty();
        registry.setMode(subject, SchemaRegistryClient.IMPORT, hasVersions);
        return new ImportModeSwitch(registry, subject, true, subjectMode);
    }

    @Override
    public void close() {
        if (!switched) {
            return;
        }
        try {
            if (previousSubjectMode.isPresent()) {
                registry.setMode(subject, previousSubjectMode.get(), false);
            } else {
                registry.deleteSubjectMode(subject);
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException("subject " + subject + " was left in IMPORT mode (" + e.getMessage() + "); restore it with: "
                    + (previousSubjectMode.isPresent()
                            ? "curl -X PUT -H 'Content-Type: " + SchemaRegistryClient.CONTENT_TYPE + "' --data '{\"mode\":\""
                                    + previousSubjectMode.get() + "\"}' " + registry.registryUrl() + "/mode/" + subject
                            : "curl -X DELETE " + registry.registryUrl() + "/mode/" + subject), e);
        }
    }
}
