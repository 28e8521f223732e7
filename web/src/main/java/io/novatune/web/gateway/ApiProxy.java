package io.novatune.web.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A minimal reverse proxy (ADR 0013): a request whose path an {@link ApiRoutes.Route} claims is sent on to that
 * service with its method, headers (hop-by-hop ones dropped) and streamed body; the answer comes back as it is,
 * redirects included. With {@code X-Novatune-Resolve: location} a redirect is answered as
 * {@code 200 {"location": "..."}} instead: an audio element cannot send the bearer token, so the app asks for the
 * playback link of {@code /stream} first and plays that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ApiProxy implements WebFilter {

    static final String RESOLVE_HEADER = "X-Novatune-Resolve";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /**
     * The answer's body is written again by this server, which sets its own framing. A request's body passes
     * unchanged, so its Content-Length goes on: track-api refuses an upload too large for the file limit or the
     * quota by it before a byte is stored.
     */
    private static final Set<String> NOT_ANSWERED = Set.of("content-length");

    private final ApiRoutes routes;
    private final WebClient client;

    ApiProxy(ApiRoutes routes) {
        this.routes = routes;
        this.client = WebClient.create();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        return routes.routeFor(request.getPath().value())
                .map(route -> forward(route, exchange))
                .orElseGet(() -> chain.filter(exchange));
    }

    private Mono<Void> forward(ApiRoutes.Route route, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        URI target = UriComponentsBuilder.fromUri(route.baseUrl())
                .replacePath(request.getPath().value())
                .replaceQuery(request.getURI().getRawQuery())
                .build(true).toUri();
        boolean resolveLocation = "location".equalsIgnoreCase(request.getHeaders().getFirst(RESOLVE_HEADER));
        return client.method(request.getMethod())
                .uri(target)
                .headers(headers -> request.getHeaders().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase()) && !RESOLVE_HEADER.equalsIgnoreCase(name)) {
                        headers.addAll(name, values);
                    }
                }))
                .body(BodyInserters.fromDataBuffers(request.getBody()))
                .exchangeToMono(answer -> {
                    URI location = answer.headers().asHttpHeaders().getLocation();
                    if (resolveLocation && answer.statusCode().is3xxRedirection() && location != null) {
                        return answer.releaseBody().then(json(response, HttpStatus.OK,
                                "{\"location\":\"" + location.toString().replace("\"", "%22") + "\"}"));
                    }
                    response.setStatusCode(answer.statusCode());
                    answer.headers().asHttpHeaders().forEach((name, values) -> {
                        if (!HOP_BY_HOP.contains(name.toLowerCase()) && !NOT_ANSWERED.contains(name.toLowerCase())) {
                            response.getHeaders().addAll(name, values);
                        }
                    });
                    return response.writeWith(answer.bodyToFlux(DataBuffer.class));
                })
                .onErrorResume(error -> response.isCommitted() ? Mono.error(error)
                        : problem(response, route, error));
    }

    private static Mono<Void> problem(ServerHttpResponse response, ApiRoutes.Route route, Throwable error) {
        String body = "{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":502,\"detail\":\""
                + route.name() + " did not answer; try again in a moment\"}";
        return json(response, HttpStatus.BAD_GATEWAY, body, MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Mono<Void> json(ServerHttpResponse response, HttpStatus status, String body) {
        return json(response, status, body, MediaType.APPLICATION_JSON);
    }

    private static Mono<Void> json(ServerHttpResponse response, HttpStatus status, String body, MediaType type) {
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(bytes.length);
        return response.writeWith(Flux.just(response.bufferFactory().wrap(bytes)));
    }
}
