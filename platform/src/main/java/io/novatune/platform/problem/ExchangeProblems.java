package io.novatune.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Problems answered outside a controller in a WebFlux service: security entry points, web filters. */
public final class ExchangeProblems {

    private ExchangeProblems() {
    }

    /** Writes the problem as the response of a WebFlux exchange (security entry points, web filters). */
    public static Mono<Void> write(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, String type,
                                   String title, String detail) {
        ProblemDetail problem = Problems.of(status, type, title, detail, exchange.getRequest().getPath().value());
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.fromCallable(() -> json.writeValueAsBytes(problem))
                .flatMap(bytes -> response.writeWith(Mono.just(response.bufferFactory().wrap(bytes))));
    }
}
