package io.novatune.deploy.schemaimport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few calls of Confluent's Schema Registry REST API that schema-import needs, over the JDK's HTTP client.
 * A "not found" the caller expects comes back as an empty result; any other refusal is a {@link RegistryException}
 * and an unreachable registry an {@link IllegalStateException}.
 */
final class SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    static final String IMPORT = "IMPORT";
    static final String READWRITE = "READWRITE";

    // Confluent's error codes (io.confluent.kafka.schemaregistry.rest.exceptions.Errors).
    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int VERSION_NOT_FOUND = 40402;
    private static final int SCHEMA_NOT_FOUND = 40403;
    private static final int SUBJECT_LEVEL_MODE_NOT_CONFIGURED = 40409;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI registryUrl;
    private final Optional<String> authorization;

    SchemaRegistryClient(URI registryUrl, Optional<String> basicAuth) {
        this.registryUrl = registryUrl;
        this.authorization = basicAuth.map(credentials ->
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code GET /schemas/ids/{id}}: the schema registered under this id, in any subject. */
    Optional<RegisteredSchema> schemaById(int id) {
        return send("GET", "/schemas/ids/" + id, null, Set.of(SCHEMA_NOT_FOUND))
                .map(body -> new RegisteredSchema(id, schemaType(body), body.path("schema").asText()));
    }

    /** {@code GET /subjects/{subject}/versions/{version}}. */
    Optional<RegisteredSchema> subjectVersion(String subject, int version) {
        return send("GET", "/subjects/" + segment(subject) + "/versions/" + version, null, Set.of(SUBJECT_NOT_FOUND, VERSION_NOT_FOUND))
                .map(body -> new RegisteredSchema(body.path("id").asInt(), schemaType(body), body.path("schema").asText()));
    }

    /** {@code GET /subjects/{subject}/versions}: empty for a subject that does not exist. */
    List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + segment(subject) + "/versions", null, Set.of(SUBJECT_NOT_FOUND))
                .ifPresent(body -> body.forEach(version -> versions.add(version.asInt())));
        return versions;
    }

    /** {@code GET /mode/{subject}}: the subject's own mode, empty when it follows the global one. */
    Optional<String> subjectMode(String subject) {
        // Older registries answer 40401 where newer ones answer 40409.
        return send("GET", "/mode/" + segment(subject), null, Set.of(SUBJECT_LEVEL_MODE_NOT_CONFIGURED, SUBJECT_NOT_FOUND))
                .map(body -> body.path("mode").asText());
    }

    /** {@code GET /mode}. */
    String globalMode() {
        return send("GET", "/mode", null, Set.of()).orElseThrow().path("mode").asText();
    }

    /**
     * {@code PUT /mode/{subject}}. The registry refuses IMPORT for a subject that has versions unless forced
     * ("Cannot import since found existing subjects").
     */
    void setMode(String subject, String mode, boolean force) {
        send("PUT", "/mode/" + segment(subject) + (force ? "?force=true" : ""), json.createObjectNode().put("mode", mode), Set.of());
    }

    /** {@code DELETE /mode/{subject}}: the subject follows the global mode again. */
    void deleteSubjectMode(String subject) {
        send("DELETE", "/mode/" + segment(subject), null, Set.of());
    }

    /**
     * {@code POST /subjects/{subject}/versions} with a given id and version, which the registry accepts only in
     * IMPORT mode.
     *
     * @return the id the registry answered with
     */
    int register(String subject, int id, int version, String schemaText) {
        ObjectNode request = json.createObjectNode()
                .put("schemaType", RegisteredSchema.AVRO)
                .put("schema", schemaText)
                .put("id", id)
                .put("version", version);
        return send("POST", "/subjects/" + segment(subject) + "/versions", request, Set.of()).orElseThrow().path("id").asInt();
    }

    URI registryUrl() {
        return registryUrl;
    }

    private Optional<JsonNode> send(String method, String path, JsonNode body, Set<Integer> absentErrorCodes) {
        String request = method + " " + path;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(registryUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", CONTENT_TYPE)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the schema registry at " + registryUrl + " (" + request + "): " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry (" + request + ")", e);
        }
        Optional<JsonNode> answer = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return Optional.of(answer.orElseThrow(() -> new IllegalStateException(
                    "the registry answered " + request + " with something that is not JSON: " + excerpt(response.body()))));
        }
        int errorCode = answer.map(error -> error.path("error_code").asInt(RegistryException.NO_ERROR_CODE))
                .orElse(RegistryException.NO_ERROR_CODE);
        if (response.statusCode() == 404 && absentErrorCodes.contains(errorCode)) {
            return Optional.empty();
        }
        String message = answer.map(error -> error.path("message").asText(null)).orElse(null);
        throw new RegistryException(request, response.statusCode(), errorCode, message != null ? message : excerpt(response.body()));
    }

    // The JDK client's connection failures carry no message of their own.
    private String reason(IOException failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (root instanceof UnresolvedAddressException) {
            return "unknown host " + registryUrl.getHost();
        }
        if (failure instanceof ConnectException) {
            return "connection refused (is the registry running there?)";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(json.readTree(body));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static String schemaType(JsonNode body) {
        return body.path("schemaType").asText(RegisteredSchema.AVRO);
    }

    private static String segment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        return body.length() <= 200 ? body.strip() : body.substring(0, 200).strip() + "...";
    }
}
