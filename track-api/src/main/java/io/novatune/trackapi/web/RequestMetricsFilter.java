package io.novatune.trackapi.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts library requests by kind and outcome: {@code track_list_requests_total},
 * {@code track_get_requests_total}, {@code track_update_requests_total}, {@code track_delete_requests_total}.
 */
@Component
public class RequestMetricsFilter implements WebFilter, Ordered {

    private final MeterRegistry meters;

    public RequestMetricsFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TrackRequestKind kind = TrackRequestKind.of(exchange.getRequest());
        if (kind == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> count(kind, exchange.getResponse().getStatusCode()));
    }

    private void count(TrackRequestKind kind, HttpStatusCode status) {
        Counter.builder(kind.metricName())
                .description("Library requests of this kind, by outcome")
                .tag("outcome", outcome(status))
                .register(meters)
                .increment();
    }

    private static String outcome(HttpStatusCode status) {
        if (status == null || status.is2xxSuccessful()) {
            return "success";
        }
        return status.is4xxClientError() ? "client_error" : "server_error";
    }
}
