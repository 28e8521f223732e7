package io.novatune.discovery.web;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;

/** Problem details with the platform's types, for the handlers that answer outside a controller (security). */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title);
        problem.setInstance(URI.create(path));
        return problem;
    }

    public static Mono<Void> write(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, String type,
                                   String title, String detail) {
        ProblemDetail problem = of(status, type, title, detail, exchange.getRequest().getPath().value());
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.fromCallable(() -> json.writeValueAsBytes(problem))
                .flatMap(bytes -> response.writeWith(Mono.just(response.bufferFactory().wrap(bytes))));
    }
}
