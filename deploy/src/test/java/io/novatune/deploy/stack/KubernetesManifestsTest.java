package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The production manifests under {@code deploy/k8s} against what drifts: the services, their environment as the
 * local stack passes it, their actuator endpoints and ports, and the partition count of the topics.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KubernetesManifestsTest {

    /**
     * What the local stack passes that production deliberately does not, for every service (also in
     * deploy/k8s/README.md).
     */
    static final Map<String, String> LOCAL_ONLY = Map.of(
            "SPRING_PROFILES_ACTIVE", "profile local: the dev token endpoint, HS256 tokens, bucket creation, object keys in logs",
            "NOVATUNE_SECURITY_JWT_SECRET", "production verifies the identity provider's tokens by its JWKS (track-api) and"
                    + " the lifecycle worker presents a token of that provider");

    /** Credentials the local stack hands every service, given in production only to the services with an S3 client. */
    static final Map<String, Set<String>> NOT_READ = Map.of(
            "ingestion-scheduler", Set.of("NOVATUNE_S3_ACCESS_KEY", "NOVATUNE_S3_SECRET_KEY"),
            "discovery-service", Set.of("NOVATUNE_S3_ACCESS_KEY", "NOVATUNE_S3_SECRET_KEY"));

    /** Names of credentials; a token endpoint's address ({@code …_TOKEN_URI}) is not one. */
    private static final String HTTP = "http";
    private static final String MANAGEMENT = "management";
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|TOKEN(?!_URI)|ACCESS_KEY).*");
    private static final String WORKER_CLIENT = "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACKAPI_";
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    private static final String PROMETHEUS = "/actuator/prometheus";

    /** Everything with a Deployment: the five services and the web app. */
    private static final List<StackService> DEPLOYED =
            Stream.concat(StackService.DEFAULTS.stream(), Stream.of(StackService.WEB)).toList();

    private static Path repository;
    private static Path base;
    private static List<Manifest> all;
    private static List<Manifest> inBase;

    record Manifest(Path file, Map<String, Object> body) {

        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return String.valueOf(map(body, "metadata").get("name"));
        }

        boolean is(String kind, String name) {
            return kind().equals(kind) && name().equals(name);
        }
    }

    @BeforeAll
    static void readManifests() throws IOException {
        repository = RepositoryRoot.locate();
        base = repository.resolve("deploy/k8s/base");
        try (Stream<Path> files = Files.walk(repository.resolve("deploy/k8s"))) {
            all = files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .flatMap(file -> documents(file).stream())
                    .toList();
        }
        inBase = all.stream().filter(manifest -> manifest.file().startsWith(base)).toList();
        assertThat(inBase).as("manifests under " + base).isNotEmpty();
    }

    @Test
    void every_service_has_a_deployment_a_service_and_a_configmap() {
        for (StackService service : DEPLOYED) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap")) {
                assertThat(find(kind, service.module())).as(kind + " " + service.module()).isPresent();
            }
            assertThat(containers(deployment(service.module()))).extracting(container -> container.get("image"))
                    .as("image of " + service.module())
                    .singleElement().asString().startsWith("novatune/" + service.module() + ":");
        }
    }

    @Test
    void every_manifest_of_the_base_is_listed_in_its_kustomization() {
        Manifest kustomization = inBase.stream().filter(manifest -> manifest.kind().equals("Kustomization")).findFirst().orElseThrow();
        Set<Path> listed = new HashSet<>();
        for (Object resource : list(kustomization.body(), "resources")) {
            listed.add(base.resolve(String.valueOf(resource)).normalize());
        }
        Set<Path> files = new HashSet<>();
        inBase.stream().filter(manifest -> !manifest.kind().equals("Kustomization")).forEach(manifest -> files.add(manifest.file()));

        assertThat(listed).as("resources of " + kustomization.file()).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void probes_ask_the_health_groups_and_prometheus_scrapes_the_actuator_on_the_management_port() {
        for (StackService service : StackService.DEFAULTS) {
            Manifest deployment = deployment(service.module());
            Map<String, Object> container = containers(deployment).get(0);
            int port = containerPort(container, MANAGEMENT);
            String what = service.module() + " ";

            assertThat(probe(container, "startupProbe", port)).as(what + "startupProbe").isEqualTo(LIVENESS);
            assertThat(probe(container, "livenessProbe", port)).as(what + "livenessProbe").isEqualTo(LIVENESS);
            assertThat(probe(container, "readinessProbe", port)).as(what + "readinessProbe").isEqualTo(READINESS);
            Map<String, Object> annotations = map(map(map(deployment.body(), "spec"), "template"), "metadata", "annotations");
            assertThat(annotations).as(what + "scrape annotations").containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", PROMETHEUS)
                    .containsEntry("prometheus.io/port", Integer.toString(port));

            // The paths exist only if the service exposes them (probes.enabled also outside Kubernetes, e.g. in tests):
            // its own application.yml, else the platform's defaults below it.
            Map<String, Object> management = map(applicationYaml(service.module()), "management");
            Object probes = Optional.ofNullable(map(management, "endpoint", "health", "probes").get("enabled"))
                    .orElse(platformDefault("management.endpoint.health.probes.enabled"));
            Object exposed = Optional.ofNullable(map(management, "endpoints", "web", "exposure").get("include"))
                    .orElse(platformDefault("management.endpoints.web.exposure.include"));
            assertThat(String.valueOf(probes)).as(what + "probes enabled").isEqualTo("true");
            assertThat(String.valueOf(exposed).split(",")).as(what + "exposed endpoints").contains("health", "prometheus");
        }
    }

    @Test
    void the_service_targets_the_containers_ports_which_are_the_server_and_management_ports() {
        for (StackService service : StackService.DEFAULTS) {
            Manifest deployment = deployment(service.module());
            Map<String, Object> container = containers(deployment).get(0);
            Manifest kubernetesService = find("Service", service.module()).orElseThrow();
            Map<String, Object> podLabels = map(map(map(deployment.body(), "spec"), "template"), "metadata", "labels");

            assertThat(podLabels).as(service.module() + " pods match its Service's selector")
                    .containsAllEntriesOf(map(map(kubernetesService.body(), "spec"), "selector"));
            for (Object port : list(map(kubernetesService.body(), "spec"), "ports")) {
                Map<?, ?> servicePort = (Map<?, ?>) port;
                Object targetPort = servicePort.get("targetPort");
                assertThat(resolvePort(container, targetPort)).as(service.module() + " Service targetPort " + targetPort)
                        .isEqualTo(containerPort(container, String.valueOf(servicePort.get("name"))));
            }
            assertThat(environment(deployment)).as(service.module() + " SERVER_PORT and MANAGEMENT_SERVER_PORT")
                    .containsEntry("SERVER_PORT", Integer.toString(containerPort(container, HTTP)))
                    .containsEntry("MANAGEMENT_SERVER_PORT", Integer.toString(containerPort(container, MANAGEMENT)));
        }
    }

    @Test
    void only_track_apis_api_port_and_the_web_apps_port_are_open_beyond_the_namespace_and_monitoring() {
        List<Manifest> policies = inBase.stream().filter(manifest -> manifest.kind().equals("NetworkPolicy")).toList();
        Manifest internal = policies.stream().filter(policy -> map(policy.body(), "spec", "podSelector").isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy selecting every pod"));
        for (Object rule : list(map(internal.body(), "spec"), "ingress")) {
            for (Object peer : list(cast(rule), "from")) {
                Map<String, Object> from = cast(peer);
                assertThat(from).as("a peer of " + internal.name()).isIn(
                        Map.of("podSelector", Map.of()),
                        Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring"))));
            }
        }
        Map<String, Integer> openToAll = new LinkedHashMap<>();
        for (Manifest policy : policies) {
            for (Object rule : list(map(policy.body(), "spec"), "ingress")) {
                if (cast(rule).get("from") == null) {
                    String pods = String.valueOf(map(policy.body(), "spec", "podSelector", "matchLabels").get("app.kubernetes.io/name"));
                    for (Object port : list(cast(rule), "ports")) {
                        openToAll.put(pods, ((Number) cast(port).get("port")).intValue());
                    }
                }
            }
        }
        assertThat(openToAll).as("pods and ports open to all").isEqualTo(Map.of(
                "track-api", containerPort(containers(deployment("track-api")).get(0), HTTP),
                "web", containerPort(containers(deployment("web")).get(0), HTTP)));
    }

    @Test
    void the_ingress_sends_everything_to_the_web_app_whose_proxy_reaches_both_apis_by_their_services() {
        List<Manifest> ingresses = inBase.stream().filter(manifest -> manifest.kind().equals("Ingress")).toList();
        assertThat(ingresses).as("Ingresses").hasSize(1);
        Manifest ingress = ingresses.get(0);
        List<Object> rules = list(map(ingress.body(), "spec"), "rules");
        assertThat(rules).hasSize(1);
        Map<String, Object> path = cast(list(map(cast(rules.get(0)), "http"), "paths").get(0));
        assertThat(path).containsEntry("path", "/").containsEntry("pathType", "Prefix");
        Map<String, Object> backend = map(path, "backend", "service");
        assertThat(backend).containsEntry("name", "web");
        Object servicePort = map(backend, "port").get("name");
        Manifest webService = find("Service", "web").orElseThrow();
        assertThat(list(map(webService.body(), "spec"), "ports")).as("the web Service's port the Ingress names")
                .anySatisfy(port -> assertThat(cast(port)).containsEntry("name", servicePort).containsEntry("targetPort", HTTP));

        Map<String, String> web = environment(deployment("web"));
        assertThat(web).containsEntry("PORT", Integer.toString(containerPort(containers(deployment("web")).get(0), HTTP)));
        assertThat(web.get("NOVATUNE_WEB_TRACK_API_URL")).isEqualTo("http://track-api:" + servicePort("track-api", HTTP));
        assertThat(web.get("NOVATUNE_WEB_DISCOVERY_URL")).isEqualTo("http://discovery-service:" + servicePort("discovery-service", HTTP));
        // Production signs in with the identity provider track-api trusts, never with the local "sign in as" form.
        assertThat(web).containsEntry("NOVATUNE_WEB_SIGN_IN_DEV", "false")
                .containsEntry("NOVATUNE_WEB_SIGN_IN_ISSUER",
                        environment(deployment("track-api")).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                .containsKey("NOVATUNE_WEB_SIGN_IN_CLIENT_ID");
    }

    @Test
    void every_variable_the_local_stack_gives_a_service_is_given_to_it_in_production_unless_local_only() {
        ServiceEnvironment.Endpoints endpoints = new ServiceEnvironment.Endpoints("kafka:9092", URI.create("http://s3:9000"),
                "access", "secret", "us-east-1", "postgres", 5432, "novatune", "password");
        for (StackService service : StackService.DEFAULTS) {
            Set<String> expected = new HashSet<>(ServiceEnvironment.of(service, endpoints, "jwt-secret").keySet());
            expected.removeAll(LOCAL_ONLY.keySet());
            expected.removeAll(NOT_READ.getOrDefault(service.module(), Set.of()));

            Map<String, String> provided = environment(deployment(service.module()));
            assertThat(provided.keySet()).as("environment of " + service.module() + " in production").containsAll(expected);
            assertThat(provided.keySet()).as(service.module() + " must not get what is local-only")
                    .doesNotContainAnyElementsOf(LOCAL_ONLY.keySet());
            service.database().ifPresent(database -> assertThat(provided)
                    .as(service.module() + " database").containsEntry("NOVATUNE_DATABASE_NAME", database));
        }
    }

    @Test
    void production_replaces_the_local_jwt_secret_with_the_identity_provider() {
        assertThat(environment(deployment("track-api")))
                .containsKeys("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "NOVATUNE_CURSOR_SECRET");
        // The orphan sweep's token for track-api: the client-credentials grant with the registration the worker
        // looks for (trackapi), its client from a Secret.
        Map<String, String> worker = environment(deployment("lifecycle-worker"));
        assertThat(worker).containsEntry(WORKER_CLIENT + "AUTHORIZATION_GRANT_TYPE", "client_credentials")
                .containsKeys(WORKER_CLIENT + "CLIENT_ID", WORKER_CLIENT + "CLIENT_SECRET",
                        "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TRACKAPI_TOKEN_URI");
        assertThat(worker.get(WORKER_CLIENT + "CLIENT_ID")).contains("secretKeyRef");
        assertThat(worker.get(WORKER_CLIENT + "CLIENT_SECRET")).contains("secretKeyRef");
        // The orphan sweep reaches track-api through its Service.
        Manifest trackApi = find("Service", "track-api").orElseThrow();
        Object trackApiPort = ((Map<?, ?>) list(map(trackApi.body(), "spec"), "ports").get(0)).get("port");
        assertThat(worker).containsEntry("NOVATUNE_TRACK_API_BASE_URL", "http://track-api:" + trackApiPort);
    }

    @Test
    void no_secret_is_committed_and_credentials_come_only_from_secret_references() {
        for (Manifest manifest : all) {
            if (manifest.kind().equals("Secret")) {
                assertThat(manifest.body()).as("Secret " + manifest.name() + " in " + manifest.file())
                        .doesNotContainKeys("data", "stringData");
            }
            if (manifest.kind().equals("ConfigMap")) {
                assertThat(map(manifest.body(), "data").keySet()).as("ConfigMap " + manifest.name())
                        .noneMatch(CREDENTIAL.asMatchPredicate());
            }
        }
        for (Manifest deployment : inBase.stream().filter(manifest -> manifest.kind().equals("Deployment")).toList()) {
            for (Object variable : list(containers(deployment).get(0), "env")) {
                Map<String, Object> entry = cast(variable);
                if (CREDENTIAL.matcher(String.valueOf(entry.get("name"))).matches()) {
                    assertThat(map(entry, "valueFrom")).as(deployment.name() + " " + entry.get("name")).containsKey("secretKeyRef");
                }
            }
        }
    }

    @Test
    void consumers_scale_by_replicas_up_to_the_partition_count() {
        for (StackService service : StackService.DEFAULTS) {
            if (service.module().equals("track-api")) {
                continue; // scaled by its HorizontalPodAutoscaler on CPU; its listeners beyond the partitions stay idle
            }
            Manifest deployment = deployment(service.module());
            int replicas = ((Number) map(deployment.body(), "spec").get("replicas")).intValue();
            int concurrency = Optional.ofNullable(environment(deployment).get("SPRING_KAFKA_LISTENER_CONCURRENCY"))
                    .or(() -> Optional.ofNullable(map(applicationYaml(service.module()), "spring", "kafka", "listener").get("concurrency"))
                            .map(String::valueOf))
                    .map(Integer::parseInt)
                    .orElse(1);

            assertThat(replicas * concurrency).as(service.module() + ": replicas x listener concurrency")
                    .isBetween(1, TopicSetup.PARTITIONS);
        }
    }

    @Test
    void track_api_keeps_two_replicas_and_a_disruption_budget() {
        Manifest hpa = find("HorizontalPodAutoscaler", "track-api").orElseThrow();
        Map<String, Object> spec = map(hpa.body(), "spec");
        assertThat(map(spec, "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", "track-api");
        int minReplicas = ((Number) spec.get("minReplicas")).intValue();
        assertThat(minReplicas).isGreaterThanOrEqualTo(2);
        // The autoscaler owns the count; a fixed one in the Deployment would be reset on every apply.
        assertThat(map(deployment("track-api").body(), "spec")).doesNotContainKey("replicas");

        Manifest budget = inBase.stream().filter(manifest -> manifest.kind().equals("PodDisruptionBudget")).findFirst().orElseThrow();
        Map<String, Object> podLabels = map(map(map(deployment("track-api").body(), "spec"), "template"), "metadata", "labels");
        assertThat(podLabels).containsAllEntriesOf(map(map(budget.body(), "spec"), "selector", "matchLabels"));
        // At least one replica serves during a drain, and a drain can still evict one.
        assertThat(((Number) map(budget.body(), "spec").get("minAvailable")).intValue()).isBetween(1, minReplicas - 1);
    }

    @Test
    void every_pod_runs_a_bounded_jvm_as_non_root_on_a_read_only_root_and_outlasts_its_shutdown() {
        for (StackService service : DEPLOYED) {
            Manifest deployment = deployment(service.module());
            Map<String, Object> pod = map(map(deployment.body(), "spec"), "template", "spec");
            Map<String, Object> container = containers(deployment).get(0);
            String what = service.module() + " ";

            assertThat(map(pod, "securityContext")).as(what + "pod securityContext").containsEntry("runAsNonRoot", true);
            assertThat(map(container, "securityContext")).as(what + "container securityContext")
                    .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
            Object tmpVolume = list(container, "volumeMounts").stream().map(KubernetesManifestsTest::cast)
                    .filter(mount -> "/tmp".equals(mount.get("mountPath"))).map(mount -> mount.get("name"))
                    .findFirst().orElseThrow(() -> new AssertionError(what + "mounts nothing on /tmp"));
            assertThat(list(pod, "volumes")).as(what + "volumes").anySatisfy(volume ->
                    assertThat(cast(volume)).containsEntry("name", tmpVolume).containsKey("emptyDir"));

            Map<String, Object> resources = map(container, "resources");
            assertThat(map(resources, "limits").get("memory")).as(what + "memory limit")
                    .isNotNull().isEqualTo(map(resources, "requests").get("memory"));
            assertThat(list(container, "command")).as(what + "command")
                    .anySatisfy(option -> assertThat(String.valueOf(option)).startsWith("-XX:MaxRAMPercentage="))
                    .containsSubsequence("-jar", "/app/" + service.module() + ".jar");

            Duration shutdownPhase = DurationStyle.detectAndParse(
                    environment(deployment).getOrDefault("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "30s"));
            long preStop = Optional.ofNullable(map(container, "lifecycle", "preStop", "sleep").get("seconds"))
                    .map(seconds -> ((Number) seconds).longValue()).orElse(0L);
            // track-api drains HTTP, stops the relay and stops its listeners, each a phase that may take the per-phase
            // timeout; a consumer's one long phase is its listeners (its HTTP serves only the actuator).
            int phases = service.module().equals("track-api") ? 3 : 1;
            assertThat(((Number) pod.get("terminationGracePeriodSeconds")).longValue())
                    .as(what + "terminationGracePeriodSeconds")
                    .isGreaterThan(preStop + phases * shutdownPhase.toSeconds());
        }
    }

    // -- reading the manifests

    private static List<Manifest> documents(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?> body && body.containsKey("kind")) {
                    manifests.add(new Manifest(file, cast(body)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    private static String platformDefault(String key) {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(
                repository.resolve("platform/src/main/resources/io/novatune/platform/defaults.properties"))) {
            defaults.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults.getProperty(key);
    }

    private static Map<String, Object> applicationYaml(String module) {
        Path file = repository.resolve(module).resolve("src/main/resources/application.yml");
        try (Reader reader = Files.newBufferedReader(file)) {
            return cast(new Yaml().load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object servicePort(String service, String portName) {
        Manifest manifest = find("Service", service).orElseThrow(() -> new AssertionError("no Service " + service));
        return list(map(manifest.body(), "spec"), "ports").stream().map(KubernetesManifestsTest::cast)
                .filter(port -> portName.equals(port.get("name"))).map(port -> port.get("port"))
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no port " + portName));
    }

    private static Optional<Manifest> find(String kind, String name) {
        return inBase.stream().filter(manifest -> manifest.is(kind, name)).findFirst();
    }

    private static Manifest deployment(String module) {
        return find("Deployment", module).orElseThrow(() -> new AssertionError("no Deployment " + module));
    }

    private static List<Map<String, Object>> containers(Manifest deployment) {
        return list(map(map(deployment.body(), "spec"), "template", "spec"), "containers").stream()
                .map(KubernetesManifestsTest::cast).toList();
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return resolvePort(container, name);
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return list(container, "ports").stream().map(KubernetesManifestsTest::cast)
                .filter(named -> port.equals(named.get("name")))
                .map(named -> ((Number) named.get("containerPort")).intValue())
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    private static String probe(Map<String, Object> container, String probe, int port) {
        Map<String, Object> get = map(container, probe, "httpGet");
        assertThat(resolvePort(container, get.get("port"))).as(probe + " port").isEqualTo(port);
        return String.valueOf(get.get("path"));
    }

    /**
     * The variables the container gets: the data of each ConfigMap in envFrom (which must exist), then its env
     * entries; a value from a reference is shown as the reference.
     */
    private static Map<String, String> environment(Manifest deployment) {
        Map<String, Object> container = containers(deployment).get(0);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : list(container, "envFrom")) {
            String configMap = String.valueOf(map(cast(source), "configMapRef").get("name"));
            Manifest data = find("ConfigMap", configMap)
                    .orElseThrow(() -> new AssertionError(deployment.name() + " reads a missing ConfigMap " + configMap));
            map(data.body(), "data").forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        for (Object variable : list(container, "env")) {
            Map<String, Object> entry = cast(variable);
            Object value = entry.containsKey("value") ? entry.get("value") : entry.get("valueFrom");
            assertThat(value).as(deployment.name() + " " + entry.get("name") + " has a value or a reference").isNotNull();
            environment.put(String.valueOf(entry.get("name")), String.valueOf(value));
        }
        return environment;
    }

    /** The map at {@code path} under {@code node}; empty when any step is missing. */
    private static Map<String, Object> map(Map<String, Object> node, String... path) {
        Map<String, Object> current = node;
        for (String step : path) {
            Object next = current.get(step);
            if (!(next instanceof Map<?, ?>)) {
                return Map.of();
            }
            current = cast(next);
        }
        return current;
    }

    private static List<Object> list(Map<String, Object> node, String key) {
        return node.get(key) instanceof List<?> items ? List.copyOf(items) : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        return (Map<String, Object>) node;
    }
}
