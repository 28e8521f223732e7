package io.novatune.web.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The smallest OpenID provider the web app's code + PKCE flow can run against, for the one browser test that walks
 * it: a discovery document, an authorization endpoint that signs the person in at once and sends the code back, and
 * a token endpoint that redeems a code only with the verifier whose S256 challenge came with it, answering a token
 * track-api accepts that expires in {@code expiresInSeconds} and a refresh token, which it redeems once for a new
 * pair (rotation). Not a security component: it stands for the organisation's provider in a test.
 */
final class IdentityProviderStandIn implements AutoCloseable {

    private record Grant(String clientId, String redirectUri, String challenge) {
    }

    private final HttpServer server;
    private final URI issuer;
    private final Supplier<String> accessToken;
    private final int expiresInSeconds;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger tokensRefreshed = new AtomicInteger();
    final AtomicInteger tokensRefused = new AtomicInteger();
    final AtomicReference<String> lastAccessToken = new AtomicReference<>();

    IdentityProviderStandIn(Supplier<String> accessToken, int expiresInSeconds) throws IOException {
        this.accessToken = accessToken;
        this.expiresInSeconds = expiresInSeconds;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/novatune");
        server.createContext("/realms/novatune/.well-known/openid-configuration", exchange -> send(exchange, 200,
                "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\","
                        + "\"token_endpoint\":\"" + issuer + "/token\"}"));
        server.createContext("/realms/novatune/auth", this::authorize);
        server.createContext("/realms/novatune/token", this::token);
        server.start();
    }

    URI issuer() {
        return issuer;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))) {
            send(exchange, 400, "{\"error\":\"unsupported_response_type\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if ("refresh_token".equals(body.get("grant_type"))) {
            String clientId = refreshTokens.remove(body.getOrDefault("refresh_token", ""));
            if (clientId == null || !clientId.equals(body.get("client_id"))) {
                tokensRefused.incrementAndGet();
                send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token refused\"}");
                return;
            }
            tokensRefreshed.incrementAndGet();
            issue(exchange, clientId);
            return;
        }
        Grant grant = grants.remove(body.getOrDefault("code", ""));
        boolean valid = grant != null && "authorization_code".equals(body.get("grant_type"))
                && grant.clientId().equals(body.get("client_id")) && grant.redirectUri().equals(body.get("redirect_uri"))
                && grant.challenge().equals(s256(body.getOrDefault("code_verifier", "")));
        if (!valid) {
            tokensRefused.incrementAndGet();
            send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code or code_verifier refused\"}");
            return;
        }
        tokensIssued.incrementAndGet();
        issue(exchange, grant.clientId());
    }

    private void issue(HttpExchange exchange, String clientId) throws IOException {
        String token = accessToken.get();
        String refreshToken = UUID.randomUUID().toString();
        refreshTokens.put(refreshToken, clientId);
        lastAccessToken.set(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresInSeconds + ",\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // The app on another origin reads the discovery document and redeems the code with fetch, as with a real provider.
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
