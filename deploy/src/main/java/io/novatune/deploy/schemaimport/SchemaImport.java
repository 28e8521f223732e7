package io.novatune.deploy.schemaimport;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.novatune.deploy.flags.FlagValues;
import io.novatune.deploy.schemaimport.PlannedSchema.Action;
import io.novatune.events.serde.PinnedSchema;
import io.novatune.events.serde.PinnedSchemas;
import io.novatune.events.serde.SchemaCompatibilityCheck;

/**
 * {@code deploy/scripts/schema-import}: registers every pinned schema version in a Confluent-compatible schema
 * registry under its pinned id and version (IMPORT mode), so that third-party consumers resolve the ids our
 * records carry (architecture §3 "Wire format", ADR 0002). It reads everything first and writes nothing if any id or
 * subject version already holds a different schema; what is already there is left alone, so it can run again.
 */
public final class SchemaImport {

    private SchemaImport() {
    }

    public static void main(String[] args) {
        SchemaImportOptions options = FlagValues.parseOrExit(args, SchemaImportOptions.USAGE,
                flags -> SchemaImportOptions.parse(flags, System.getenv(SchemaImportOptions.BASIC_AUTH_ENVIRONMENT)));
        int exitCode = 0;
        try {
            run(options, PinnedSchemas.load(), System.out);
        } catch (IllegalStateException e) {
            System.err.println("schema-import: " + e.getMessage());
            for (Throwable alsoFailed : e.getSuppressed()) {
                System.err.println("schema-import: " + alsoFailed.getMessage());
            }
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /**
     * Imports (or, with {@code --dry-run}, plans) every pinned version: subject by subject, in the order of their
     * lowest id, each subject's versions in id order.
     *
     * @throws IllegalStateException on a conflict (then nothing was written), a registry error or an unreachable registry
     */
    static void run(SchemaImportOptions options, PinnedSchemas pinned, PrintStream out) {
        List<String> broken = SchemaCompatibilityCheck.violations(pinned.entries());
        if (!broken.isEmpty()) {
            throw new IllegalStateException("the pinned schemas break the build's own rules, so they are not imported: " + broken);
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(options.registryUrl(), options.basicAuth());
        out.println("schema-import: " + pinned.entries().size() + " pinned schema versions, subjects by "
                + options.subjectStrategy().confluentName() + ", registry " + options.registryUrl()
                + (options.dryRun() ? " (dry run: nothing is written)" : ""));
        List<PlannedSchema> plan = pinned.entries().stream()
                .sorted(Comparator.comparingInt(PinnedSchema::id))
                .map(schema -> PlannedSchema.of(schema, options.subjectStrategy().subjectOf(schema.fullName()), registry))
                .toList();
        List<String> conflicts = plan.stream().flatMap(step -> step.conflicts().stream()).toList();
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(conflicts.size() + " conflict(s) with what the registry holds, so nothing was written:\n  "
                    + String.join("\n  ", conflicts)
                    + "\nA pinned id is never reused (ADR 0002): find out who registered the other schema before changing anything.");
        }
        Map<String, List<PlannedSchema>> bySubject = plan.stream()
                .collect(Collectors.groupingBy(PlannedSchema::subject, LinkedHashMap::new, Collectors.toList()));
        bySubject.forEach((subject, steps) -> {
            if (options.dryRun()) {
                steps.forEach(step -> out.println(step.line(step.action() == Action.IMPORT ? "would be imported" : "already there")));
            } else {
                importSubject(registry, subject, steps, out);
            }
        });
        long imported = plan.stream().filter(step -> step.action() == Action.IMPORT).count();
        long alreadyThere = plan.size() - imported;
        if (options.dryRun()) {
            out.println("dry run: " + imported + " would be imported, " + alreadyThere + " already there; nothing was written");
        } else if (imported == 0) {
            out.println("nothing to import: all " + alreadyThere + " pinned schema versions are already there; nothing was changed");
        } else {
            out.println("done: " + imported + " imported, " + alreadyThere + " already there");
        }
    }

    private static void importSubject(SchemaRegistryClient registry, String subject, List<PlannedSchema> steps, PrintStream out) {
        if (steps.stream().noneMatch(step -> step.action() == Action.IMPORT)) {
            steps.forEach(step -> out.println(step.line("already there")));
            return;
        }
        try (ImportModeSwitch importMode = ImportModeSwitch.enter(registry, subject)) {
            for (PlannedSchema step : steps) {
                if (step.action() == Action.ALREADY_THERE) {
                    out.println(step.line("already there"));
                    continue;
                }
                int id = registry.register(subject, step.pinned().id(), step.pinned().version(), step.text());
                if (id != step.pinned().id()) {
                    // A registry that ignores the requested id (not Confluent-compatible in IMPORT mode) would break every consumer.
                    throw new IllegalStateException(subject + " v" + step.pinned().version() + " was registered under id " + id
                            + " instead of the pinned id " + step.pinned().id() + "; this registry does not honour IMPORT mode");
                }
                out.println(step.line("imported"));
            }
        }
    }
}
