package io.novatune.deploy.schemaimport;

import static io.novatune.deploy.flags.FlagValues.value;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** schema-import's command line, parsed. */
record SchemaImportOptions(URI registryUrl, boolean dryRun, SubjectNameStrategy subjectStrategy, Optional<String> basicAuth) {

    static final String BASIC_AUTH_ENVIRONMENT = "NOVATUNE_SCHEMA_REGISTRY_BASIC_AUTH";

    static final String USAGE = """
            Usage: deploy/scripts/schema-import --registry-url http://host:8081 [--dry-run]
                                                [--subject-strategy topic-record|record] [--basic-auth user:password]

            Imports every pinned schema version (schemas/.../schema-ids.csv) into a Confluent-compatible schema registry
            under its pinned id and version, in IMPORT mode, subject by subject; each subject's mode is restored after.
            A version already there with its id is left alone. If an id or a subject version already holds a different
            schema, nothing at all is written.

              --registry-url <url>        the registry's base URL
              --dry-run                   print the plan and write nothing
              --subject-strategy <name>   topic-record (default): <topic>-<full name>, Confluent's TopicRecordNameStrategy
                                          record: <full name>, Confluent's RecordNameStrategy
              --basic-auth <user:pass>    HTTP basic credentials; better in $%s, which no process list shows
              --help

            Exit codes: 0 done, 1 failed (registry error, unreachable registry, conflict), 2 bad arguments.
            """.formatted(BASIC_AUTH_ENVIRONMENT);

    static SchemaImportOptions parse(String[] args, String basicAuthFromEnvironment) {
        URI registryUrl = null;
        boolean dryRun = false;
        SubjectNameStrategy subjectStrategy = SubjectNameStrategy.TOPIC_RECORD;
        Optional<String> basicAuth = Optional.ofNullable(basicAuthFromEnvironment).filter(credentials -> !credentials.isBlank());
        String basicAuthSource = "$" + BASIC_AUTH_ENVIRONMENT;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--registry-url" -> registryUrl = registryUrl(value(args, ++i, flag));
                case "--dry-run" -> dryRun = true;
                case "--subject-strategy" -> subjectStrategy = SubjectNameStrategy.ofFlag(value(args, ++i, flag));
                case "--basic-auth" -> {
                    basicAuth = Optional.of(value(args, ++i, flag));
                    basicAuthSource = flag;
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (registryUrl == null) {
            throw new IllegalArgumentException("which registry? e.g. schema-import --registry-url http://localhost:8081");
        }
        if (basicAuth.isPresent() && !basicAuth.get().contains(":")) {
            throw new IllegalArgumentException(basicAuthSource + " must be user:password");
        }
        return new SchemaImportOptions(registryUrl, dryRun, subjectStrategy, basicAuth);
    }

    /** Whether there are credentials, not what they are: options end up in logs and test reports, passwords must not. */
    @Override
    public String toString() {
        return "SchemaImportOptions[registryUrl=" + registryUrl + ", dryRun=" + dryRun + ", subjectStrategy=" + subjectStrategy
                + ", basicAuth=" + (basicAuth.isPresent() ? "(hidden)" : "none") + "]";
    }

    private static URI registryUrl(String text) {
        try {
            URI url = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, with the flag's name
        }
        throw new IllegalArgumentException("--registry-url must be an http:// or https:// URL, not " + text);
    }
}
