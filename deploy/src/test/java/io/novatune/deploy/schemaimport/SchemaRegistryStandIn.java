package io.novatune.deploy.schemaimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * A stand-in for Confluent Schema Registry in tests, since the real one is not on Maven Central and there is no
 * Docker here. It serves only the endpoints schema-import calls, in memory, with the real registry's rules and
 * bodies (Confluent's KafkaSchemaRegistry and ModeResource), most of all: a registration that names an id or a
 * version is refused unless the subject is in IMPORT mode, IMPORT is refused for a subject with versions unless
 * forced, an id holding another schema is never overwritten, and a version number given in IMPORT mode overwrites
 * whatever that version held (which is why schema-import checks first). Schemas are stored in Avro's compact form,
 * as the registry's AvroSchema.canonicalString() does. Not modelled: compatibility checks (IMPORT mode skips them),
 * soft deletes, contexts, references, other schema types.
 */
final class SchemaRegistryStandIn implements AutoCloseable {

    private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
    private static final Pattern SUBJECT_VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern SUBJECT_VERSION = Pattern.compile("/subjects/([^/]+)/versions/(\\d+)");
    private static final Pattern SUBJECT_MODE = Pattern.compile("/mode/([^/]+)");
    private static final Set<String> MODES = Set.of("READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT");
    private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> idsBySubjectVersion = new HashMap<>();
    private final Map<String, String> subjectModes = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private String globalMode = "READWRITE";
    private Optional<String> requiredAuthorization = Optional.empty();

    SchemaRegistryStandIn() {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, each answer would wait ~40 ms
        // for the client's delayed ACK. Read once, when the JVM's first HttpServer starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void requireBasicAuth(String user, String password) {
        requiredAuthorization = Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Puts a schema in place as an earlier import (or another team) would have, without going through the API. */
    synchronized void holds(String subject, int version, int id, String schema) {
        schemasById.put(id, new Schema.Parser().parse(schema).toString());
        idsBySubjectVersion.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, id);
    }

    synchronized void setSubjectMode(String subject, String mode) {
        subjectModes.put(subject, mode);
    }

    synchronized Optional<String> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    synchronized Optional<String> schemaText(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized Map<Integer, Integer> idsByVersion(String subject) {
        return Map.copyOf(idsBySubjectVersion.getOrDefault(subject, new TreeMap<>()));
    }

    synchronized List<String> subjects() {
        return idsBySubjectVersion.keySet().stream().sorted().toList();
    }

    /** Every request so far, as {@code METHOD /path?query}. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests that could change something: everything but GET. */
    synchronized List<String> writes() {
        return requests.stream().filter(request -> !request.startsWith("GET ")).toList();
    }

    /** The Content-Type of every request that had a body. */
    synchronized List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            requests.add(method + " " + path + (query.isEmpty() ? "" : "?" + query));
            Answer answer;
            if (requiredAuthorization.isPresent()
                    && !requiredAuthorization.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = Answer.error(401, 401, "Unauthorized");
            } else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (body.length > 0) {
                    contentTypes.add(contentType);
                }
                if (body.length > 0 && (contentType == null || !ACCEPTED_CONTENT_TYPES.contains(contentType))) {
                    answer = Answer.error(415, 415, "HTTP 415 Unsupported Media Type");
                } else {
                    answer = route(method, path, query, body.length == 0 ? null : json.readTree(body));
                }
            }
            byte[] response = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(answer.status(), response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private Answer route(String method, String path, String query, JsonNode body) {
        Matcher match;
        if ((match = SCHEMA_BY_ID.matcher(path)).matches() && method.equals("GET")) {
            return schemaById(Integer.parseInt(match.group(1)));
        }
        if ((match = SUBJECT_VERSIONS.matcher(path)).matches()) {
            String subject = decode(match.group(1));
            return switch (method) {
                case "GET" -> versions(subject);
                case "POST" -> register(subject, body);
                default -> Answer.error(405, 405, "HTTP 405 Method Not Allowed");
            };
        }
        if ((match = SUBJECT_VERSION.matcher(path)).matches() && method.equals("GET")) {
            return subjectVersion(decode(match.group(1)), Integer.parseInt(match.group(2)));
        }
        if (path.equals("/mode") && method.equals("GET")) {
            return Answer.ok(json.createObjectNode().put("mode", globalMode));
        }
        if ((match = SUBJECT_MODE.matcher(path)).matches()) {
            String subject = decode(match.group(1));
            return switch (method) {
                case "GET" -> subjectModeAnswer(subject, query.contains("defaultToGlobal=true"));
                case "PUT" -> updateMode(subject, body, query.contains("force=true"));
                case "DELETE" -> deleteMode(subject);
                default -> Answer.error(405, 405, "HTTP 405 Method Not Allowed");
            };
        }
        return Answer.error(404, 404, "HTTP 404 Not Found");
    }

    private Answer schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            return Answer.error(404, 40403, "Schema " + id + " not found");
        }
        return Answer.ok(json.createObjectNode().put("schema", schema));
    }

    private Answer versions(String subject) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null || versions.isEmpty()) {
            return subjectNotFound(subject);
        }
        return Answer.ok(json.valueToTree(versions.keySet()));
    }

    private Answer subjectVersion(String subject, int version) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null || versions.isEmpty()) {
            return subjectNotFound(subject);
        }
        Integer id = versions.get(version);
        if (id == null) {
            return Answer.error(404, 40402, "Version " + version + " not found.");
        }
        // Like the real registry, schemaType is left out for AVRO.
        return Answer.ok(json.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schemasById.get(id)));
    }

    /** KafkaSchemaRegistry.registerOrForward, register and checkRegisterMode, for AVRO. */
    private Answer register(String subject, JsonNode request) {
        if (request == null || !request.hasNonNull("schema")) {
            return Answer.error(422, 42201, "Invalid schema: null");
        }
        if (!request.path("schemaType").asText("AVRO").equals("AVRO")) {
            return Answer.error(422, 42201, "Invalid schema type " + request.path("schemaType").asText());
        }
        String canonical;
        try {
            canonical = new Schema.Parser().parse(request.get("schema").asText()).toString();
        } catch (AvroRuntimeException e) {
            return Answer.error(422, 42201, "Invalid schema " + e.getMessage());
        }
        int id = request.path("id").asInt(-1);
        int version = request.path("version").asInt(0);
        String mode = effectiveMode(subject);
        if (mode.startsWith("READONLY")) {
            return notPermitted("Subject " + subject + " is in read-only mode");
        }
        if ((id >= 0 || version > 0) && !mode.equals("IMPORT")) {
            return notPermitted("Subject " + subject + " is not in import mode");
        }
        if (id < 0 && version <= 0 && !mode.equals("READWRITE")) {
            return notPermitted("Subject " + subject + " is not in read-write mode");
        }
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.computeIfAbsent(subject, s -> new TreeMap<>());
        for (Integer existingId : versions.values()) {
            if (schemasById.get(existingId).equals(canonical) && (id < 0 || id == existingId)) {
                return registered(existingId);
            }
        }
        if (id < 0) {
            id = schemasById.entrySet().stream().filter(entry -> entry.getValue().equals(canonical)).map(Map.Entry::getKey)
                    .findFirst().orElse(schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
        } else if (schemasById.containsKey(id) && !schemasById.get(id).equals(canonical)) {
            return notPermitted("Overwrite new schema with id " + id + " is not permitted.");
        }
        if (version <= 0) {
            version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        }
        schemasById.put(id, canonical);
        versions.put(version, id);
        return registered(id);
    }

    private Answer subjectModeAnswer(String subject, boolean defaultToGlobal) {
        String mode = defaultToGlobal ? effectiveMode(subject) : subjectModes.get(subject);
        if (mode == null) {
            return Answer.error(404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
        }
        return Answer.ok(json.createObjectNode().put("mode", mode));
    }

    /** ModeResource.updateMode and KafkaSchemaRegistry.setMode. */
    private Answer updateMode(String subject, JsonNode request, boolean force) {
        String mode = request == null ? "" : request.path("mode").asText("").toUpperCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            return Answer.error(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT.");
        }
        boolean hasVersions = !idsBySubjectVersion.getOrDefault(subject, new TreeMap<>()).isEmpty();
        if (mode.equals("IMPORT") && !effectiveMode(subject).equals("IMPORT") && !force && hasVersions) {
            return notPermitted("Cannot import since found existing subjects");
        }
        subjectModes.put(subject, mode);
        return Answer.ok(json.createObjectNode().put("mode", mode));
    }

    private Answer deleteMode(String subject) {
        String mode = subjectModes.remove(subject);
        if (mode == null) {
            return subjectNotFound(subject);
        }
        return Answer.ok(json.createObjectNode().put("mode", mode));
    }

    private String effectiveMode(String subject) {
        return subjectModes.getOrDefault(subject, globalMode);
    }

    private Answer registered(int id) {
        return Answer.ok(json.createObjectNode().put("id", id));
    }

    private static Answer subjectNotFound(String subject) {
        return Answer.error(404, 40401, "Subject '" + subject + "' not found.");
    }

    private static Answer notPermitted(String message) {
        return Answer.error(422, 42205, message);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private record Answer(int status, JsonNode body) {

        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, int errorCode, String message) {
            ObjectNode body = new ObjectMapper().createObjectNode().put("error_code", errorCode).put("message", message);
            return new Answer(status, body);
        }
    }
}
