package io.novatune.ingestion.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
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
    private static final String BATCH_SPAN_NAME = "track-added process";
    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}, W3C Trace Context version 00. */
    private static final int TRACEPARENT_LENGTH = 55;

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

    /**
     * Runs the decisions of one poll in one consumer span with a link to the trace of each record (each decision
     * stays findable from its own trace), rather than a child span per record.
     */
    <T> T inBatchSpan(List<String> traceparents, Supplier<T> decide) {
        Span.Builder builder = tracer.spanBuilder().name(BATCH_SPAN_NAME).kind(Span.Kind.CONSUMER).setNoParent()
                .tag("messaging.batch.message_count", traceparents.size());
        for (String traceparent : traceparents) {
            TraceContext context = context(traceparent);
            if (context != null) {
                builder = builder.addLink(new Link(context));
            }
        }
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return decide.get();
        } catch (RuntimeException failed) {
            span.error(failed);
            throw failed;
        } finally {
            span.end();
        }
    }

    /** The remote context a W3C {@code traceparent} names, or null when there is none or it is malformed. */
    private TraceContext context(String traceparent) {
        if (traceparent == null || traceparent.length() != TRACEPARENT_LENGTH || !traceparent.startsWith("00-")) {
            return null;
        }
        return tracer.traceContextBuilder()
                .traceId(traceparent.substring(3, 35))
                .spanId(traceparent.substring(36, 52))
                .sampled((Character.digit(traceparent.charAt(54), 16) & 1) == 1)
                .build();
    }
}
