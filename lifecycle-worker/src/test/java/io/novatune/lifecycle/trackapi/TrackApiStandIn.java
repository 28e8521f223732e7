package io.novatune.lifecycle.trackapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * track-api's {@code POST /api/v1/internal/objects/referenced} on a loopback port, for tests about what the worker
 * sends rather than what track-api decides: it records each request's Authorization header and answers that every
 * key asked about is referenced, so a sweep against it deletes nothing. (The real track-api, as a child process,
 * is OrphanSweepTest's.)
 */
final class TrackApiStandIn implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<String> authorizations = new ArrayList<>();

    TrackApiStandIn() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(TrackApiReferences.PATH, this::referenced);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void reset() {
        authorizations.clear();
    }

    /** The Authorization header of every request so far, in order. */
    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void referenced(HttpExchange exchange) throws IOException {
        try (exchange) {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode keys = json.readTree(exchange.getRequestBody()).get("keys");
            byte[] body = json.writeValueAsBytes(json.createObjectNode().set("referenced", keys));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
