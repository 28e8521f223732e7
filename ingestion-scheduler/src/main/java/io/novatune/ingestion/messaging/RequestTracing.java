package io.novatune.ingestion.messaging;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.novatune.events.EventHeaders;
import io.novatune.ingestion.scheduling.CurrentTrace;
import io.novatune.platform.tracing.Traceparents;
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
    private final Traceparents traceparents;

    RequestTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.traceparents = new Traceparents(this.tracer, this.propagator);
    }

    @Override
    public String traceparent() {
        return traceparents.current();
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
