package io.novatune.lifecycle.trackapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity provider's token endpoint (RFC 6749 §4.4) on a loopback port: it records every token request and
 * answers a new access token each time ({@code access-token-1}, {@code -2}, …) with the lifetime it was told, or
 * refuses the client as a provider does for a wrong secret (401, {@code invalid_client}). It checks nothing itself:
 * the tests check what it recorded.
 */
final class IdentityProviderStandIn implements AutoCloseable {

    static final String TOKEN_PATH = "/oauth2/token";

    /** One token request as it arrived. */
    record TokenRequest(String method, String contentType, String authorization, Map<String, String> form) {
    }

    private final HttpServer server;
    private final List<TokenRequest> requests = new ArrayList<>();
    private Duration expiresIn;
    private boolean refusing;

    IdentityProviderStandIn() {
        // The JDK server writes headers and body apart; without this each answer waits for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(TOKEN_PATH, this::token);
        server.start();
        reset();
    }

    URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH);
    }

    /** Forgets the requests; issues tokens valid for an hour again. */
    synchronized void reset() {
        requests.clear();
        expiresIn = Duration.ofHours(1);
        refusing = false;
    }

    synchronized void issuesTokensValidFor(Duration lifetime) {
        expiresIn = lifetime;
        refusing = false;
    }

    synchronized void refusesTheClient() {
        refusing = true;
    }

    synchronized List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new TokenRequest(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), decode(form)));
            int status;
            String body;
            if (refusing) {
                status = 401;
                body = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}";
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"novatune\"");
            } else {
                status = 200;
                body = "{\"access_token\":\"access-token-" + requests.size() + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":" + expiresIn.toSeconds() + ",\"scope\":\"tracks.internal\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            // RFC 6749 §5.1: token responses must not be cached.
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
