package io.novatune.infra.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.node.ObjectNode;

/** What the catalog stand-ins' handlers share: the client credentials grant, answers, and query strings. */
final class StandInExchanges {

    private final String clientId;
    private final String clientSecret;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    StandInExchanges(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The token endpoint: a POST of {@code grant_type=client_credentials} with the client's HTTP Basic credentials. */
    void issueToken(HttpExchange exchange, long expiresInSeconds) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !query(body, Set.of()).getOrDefault("grant_type", List.of()).contains("client_credentials")) {
            send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        ObjectNode answer = RecordedAlbum.JSON.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", expiresInSeconds);
        send(exchange, 200, "application/json", answer.toString());
    }

    /** Whether the request carries a bearer token this stand-in issued. */
    boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") && tokens.contains(header.substring("Bearer ".length()));
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The decoded query; the values of {@code lists} are split at commas too. */
    static Map<String, List<String>> query(String raw, Set<String> lists) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            List<String> values = query.computeIfAbsent(name, key -> new ArrayList<>());
            if (lists.contains(name)) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        values.add(item.strip());
                    }
                }
            } else {
                values.add(value);
            }
        }
        return query;
    }
}
