package io.novatune.deploy.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.novatune.deploy.flags.FlagValues;
import io.novatune.deploy.standin.MusicDatabasesStandIn;

/**
 * The one command of the README: starts PostgreSQL, Kafka and S3 on persistent storage, creates the databases,
 * bucket and topics, starts the streaming catalog's and the AI provider's stand-ins, launches the five services and waits until they are UP,
 * then prints where everything is.
 * Ctrl-C (or SIGTERM) stops the services gracefully, then S3, Kafka and PostgreSQL.
 */
public final class LocalStack {

    private final StackOptions options;
    private final DataDirectory data;
    private final LocalInfrastructure infrastructure = new LocalInfrastructure();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private boolean stopping;

    private LocalStack(StackOptions options) {
        this.options = options;
        this.data = new DataDirectory(options.dataDirectory());
    }

    public static void main(String[] args) {
        StackOptions options = FlagValues.parseOrExit(args, StackOptions.USAGE,
                flags -> StackOptions.parse(flags, System.getenv("NOVATUNE_SERVICE_JAVA_OPTS")));
        LocalStack stack = new LocalStack(options);
        StopSignals.install(stack::stop);
        // Safety net for any other way the JVM ends; stop() runs once.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "novatune-local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                // Ctrl-C during the start: the failure is the stop itself, not worth a report.
                awaitShutdown();
                return;
            }
            System.err.println();
            System.err.println("[novatune] FAILED: " + e.getMessage());
            if (!(e instanceof HealthWait.ServiceStartFailure) && e.getCause() != null) {
                e.printStackTrace();
            }
            stack.stop();
            System.exit(1);
        }
        awaitShutdown();
    }

    private void start() {
        List<StackService> services = options.startServices() ? withWebApp(options.services()) : List.of();
        Optional<Path> repositoryRoot = options.startServices() ? Optional.of(RepositoryRoot.locate()) : RepositoryRoot.find();
        services.forEach(service -> requireJar(service, repositoryRoot.orElseThrow()));

        data.lock();
        // Holding the lock, anything still running on this directory was left by a killed launcher.
        LeftoverProcesses.stopServices(data);
        LeftoverProcesses.stopPostgres(data);
        PortCheck.requireFree(ports(services));
        if (options.reset()) {
            data.reset();
            Progress.step("wiped " + data.root());
        }
        data.prepare();
        Progress.step("data directory " + data.root());

        List<String> databases = StackService.DEFAULTS.stream().flatMap(service -> service.database().stream()).toList();
        infrastructure.startPostgres(data, options.postgresPort(), databases);
        infrastructure.startKafka(data, options.kafkaPort());
        infrastructure.startS3(data, options.s3Port());
        infrastructure.startCatalogStandIn(options.catalogPort());
        infrastructure.startMusicDatabasesStandIn(MusicDatabasesStandIn.DEFAULT_PORT);
        infrastructure.startProviderStandIn(options.providerPort());
        TopicSetup.createAll(infrastructure.kafka());

        Optional<String> devToken = Optional.empty();
        if (!services.isEmpty()) {
            String jwtSecret = data.jwtSecret();
            for (StackService service : services) {
                launch(service, repositoryRoot.orElseThrow(), jwtSecret);
            }
            Progress.step("waiting for " + services.size() + " services to report UP (at most " + options.startupTimeout().toSeconds() + " s)");
            new HealthWait().untilAllUp(List.copyOf(processes), options.startupTimeout());
            devToken = Optional.of(DevToken.mint(services.get(0)));
            writeDevToken(devToken.get());
            processes.forEach(process -> process.onUnexpectedExit(() -> Progress.warn(process.service().module()
                    + " exited (code " + process.exitCode() + "); see " + process.log())));
        }
        System.out.println(new StackSummary(services, infrastructure, databases, devToken, data, repositoryRoot).render());
        System.out.flush();
    }

    private synchronized void launch(StackService service, Path repositoryRoot, String jwtSecret) {
        if (stopping) {
            throw new IllegalStateException("the stack is stopping");
        }
        ServiceProcess process = ServiceProcess.launch(service, service.jar(repositoryRoot), options.serviceJavaOptions(),
                data.root().toString(), environment(service, jwtSecret), data);
        processes.add(process);
        Progress.step("started " + service.module() + " (pid " + process.pid() + ", log " + process.log() + ")");
    }

    /** The services, then the web app, which routes the browser's API calls to track-api and discovery-service. */
    private static List<StackService> withWebApp(List<StackService> services) {
        List<StackService> all = new ArrayList<>(services);
        all.add(StackService.WEB);
        return List.copyOf(all);
    }

    private Map<String, String> environment(StackService service, String jwtSecret) {
        Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(service, infrastructure, jwtSecret));
        if (service.module().equals("track-api")) {
            environment.putAll(infrastructure.catalog().trackApiEnvironment());
        }
        if (service.module().equals("discovery-service")) {
            environment.putAll(infrastructure.musicDatabases().discoveryEnvironment());
        }
        if (service.module().equals(StackService.WEB.module())) {
            environment.put("NOVATUNE_WEB_TRACK_API_URL", baseUrlOf("track-api"));
            environment.put("NOVATUNE_WEB_DISCOVERY_URL", baseUrlOf("discovery-service"));
        }
        return environment;
    }

    private String baseUrlOf(String module) {
        return options.services().stream().filter(service -> service.module().equals(module)).findFirst()
                .map(StackService::baseUrl).orElseThrow();
    }

    private static void requireJar(StackService service, Path repositoryRoot) {
        Path jar = service.jar(repositoryRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service.module() + " is not built: " + jar + " is missing."
                    + " Build with `mvn -B -DskipTests install` at " + repositoryRoot + " (deploy/run-local does),"
                    + " or start only the infrastructure with --no-services.");
        }
    }

    private Map<String, Integer> ports(List<StackService> services) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", options.postgresPort());
        ports.put("Kafka", options.kafkaPort());
        ports.put("S3", options.s3Port());
        ports.put("catalog stand-in", options.catalogPort());
        ports.put("music databases stand-in", MusicDatabasesStandIn.DEFAULT_PORT);
        ports.put("provider stand-in", options.providerPort());
        services.forEach(service -> ports.put(service.module(), service.port()));
        return ports;
    }

    private void writeDevToken(String token) {
        try {
            Files.writeString(data.devTokenFile(), token + System.lineSeparator());
        } catch (IOException e) {
            Progress.warn("cannot write " + data.devTokenFile() + ": " + e.getMessage());
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** The orderly stop (stop signals, shutdown hook, failed start): services first, as they flush to Kafka, PostgreSQL and S3. */
    private void stop() {
        List<ServiceProcess> running;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = List.copyOf(processes);
        }
        if (!running.isEmpty()) {
            long startedAt = System.nanoTime();
            Progress.step("stopping " + running.size() + " services (up to " + ServiceProcess.GRACE_PERIOD.toSeconds() + " s)");
            running.forEach(ServiceProcess::requestStop);
            running.forEach(ServiceProcess::awaitStopped);
            Progress.done("services stopped", startedAt);
        }
        infrastructure.close();
        Progress.step("NovaTune is stopped");
    }

    private static void awaitShutdown() {
        try {
            // Everything runs in other threads and processes; the shutdown hook ends the JVM.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
