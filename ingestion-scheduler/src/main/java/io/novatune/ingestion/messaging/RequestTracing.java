package io.novatune.ingestion.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.novatune.events.EventHeaders;
import io.novatune.ingestion.scheduling.CurrentTrace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries a trace across the ledger: the decision's {@code traceparent} is stored with the request, and the
 * relay, on its own thread and maybe after a restart, publishes the request in a span that continues it.
 * Without a tracer (tracing off) it does nothing.
 */
@Component
class RequestTracing implements CurrentTrace {

    private static final String SPAN_NAME = "ingestion-requested publish";

    private final Tracer tracer;
    private final Propagator propagator;

    RequestTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public String traceparent() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.get(EventHeaders.TRACEPARENT);
    }

    /** Runs {@code publish} in a new span, a child of {@code traceparent} when there is one. */
    void inSpanContinuing(String traceparent, Runnable publish) {
        Span span = traceparent == null
                ? tracer.nextSpan().name(SPAN_NAME).start()
                : propagator.extract(Map.of(EventHeaders.TRACEPARENT, traceparent), Map::get).name(SPAN_NAME).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            publish.run();
        } finally {
            span.end();
        }
    }
}
