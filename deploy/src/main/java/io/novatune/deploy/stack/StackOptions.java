package io.novatune.deploy.stack;

import static io.novatune.deploy.flags.FlagValues.positive;
import static io.novatune.deploy.flags.FlagValues.value;

import io.novatune.deploy.standin.CatalogStandIn;
import io.novatune.deploy.standin.ProviderFilesStandIn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The launcher's command line, parsed. */
record StackOptions(
        Path dataDirectory,
        boolean reset,
        boolean startServices,
        int postgresPort,
        int kafkaPort,
        int s3Port,
        int catalogPort,
        int providerPort,
        List<StackService> services,
        List<String> serviceJavaOptions,
        Duration startupTimeout) {

    static final String DEFAULT_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    static final String USAGE = """
            Usage: deploy/run-local [--no-build] [options]       (or: java -jar deploy/target/deploy.jar [options])

            Starts PostgreSQL, Kafka, S3, the catalog and provider stand-ins, the five NovaTune services and the web
            app; Ctrl-C stops them all.

              --data-dir <path>              where everything is kept (default ./.novatune)
              --reset                        wipe the data directory first
              --no-services                  start only PostgreSQL, Kafka and S3
              --postgres-port <n>            default 54329
              --kafka-port <n>               default 19092
              --s3-port <n>                  default 18333
              --catalog-port <n>             the streaming catalog's stand-in (default 18700)
              --provider-port <n>            the AI provider's stand-in (default 18701)
              --<service>-port <n>           e.g. --track-api-port 9080 (defaults 8080..8084)
              --java-opts "<options>"        JVM options of each service
                                             (default "%s", or $NOVATUNE_SERVICE_JAVA_OPTS)
              --startup-timeout-seconds <n>  how long services may take to report UP (default 180)
              --help
            """.formatted(DEFAULT_JAVA_OPTIONS);

    static StackOptions parse(String[] args, String javaOptionsFromEnvironment) {
        Path dataDirectory = Path.of(".novatune");
        boolean reset = false;
        boolean startServices = true;
        int postgresPort = 54329;
        int kafkaPort = 19092;
        int s3Port = 18333;
        int catalogPort = CatalogStandIn.DEFAULT_PORT;
        int providerPort = ProviderFilesStandIn.DEFAULT_PORT;
        List<StackService> services = new ArrayList<>(StackService.DEFAULTS);
        String javaOptions = javaOptionsFromEnvironment == null || javaOptionsFromEnvironment.isBlank()
                ? DEFAULT_JAVA_OPTIONS : javaOptionsFromEnvironment;
        Duration startupTimeout = Duration.ofSeconds(180);

        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--reset" -> reset = true;
                case "--no-services" -> startServices = false;
                case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, flag));
                case "--postgres-port" -> postgresPort = port(args, ++i, flag);
                case "--kafka-port" -> kafkaPort = port(args, ++i, flag);
                case "--s3-port" -> s3Port = port(args, ++i, flag);
                case "--catalog-port" -> catalogPort = port(args, ++i, flag);
                case "--provider-port" -> providerPort = port(args, ++i, flag);
                case "--java-opts" -> javaOptions = value(args, ++i, flag);
                case "--startup-timeout-seconds" -> startupTimeout = Duration.ofSeconds(positive(args, ++i, flag));
                default -> {
                    int service = servicePortFlag(flag, services);
                    if (service < 0) {
                        throw new IllegalArgumentException("unknown option " + flag);
                    }
                    services.set(service, services.get(service).withPort(port(args, ++i, flag)));
                }
            }
        }
        return new StackOptions(dataDirectory.toAbsolutePath().normalize(), reset, startServices, postgresPort, kafkaPort,
                s3Port, catalogPort, providerPort, List.copyOf(services), List.of(javaOptions.trim().split("\\s+")), startupTimeout);
    }

    private static int servicePortFlag(String flag, List<StackService> services) {
        for (int i = 0; i < services.size(); i++) {
            if (flag.equals("--" + services.get(i).module() + "-port")) {
                return i;
            }
        }
        return -1;
    }

    private static int port(String[] args, int index, String flag) {
        int port = positive(args, index, flag);
        if (port > 65535) {
            throw new IllegalArgumentException(flag + " must be a TCP port, not " + port);
        }
        return port;
    }
}
