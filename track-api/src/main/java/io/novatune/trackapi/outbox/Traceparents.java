package io.novatune.trackapi.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.stereotype.Component;

/**
 * The W3C {@code traceparent} of the current span, stored with each outbox row so that the trace
 * continues from the HTTP request into every consumer of the event.
 */
@Component
public class Traceparents {

    private final Tracer tracer;

    public Traceparents(Tracer tracer) {
        this.tracer = tracer;
    }

    /** {@code null} when no trace is active (e.g. a timer outside any request). */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
