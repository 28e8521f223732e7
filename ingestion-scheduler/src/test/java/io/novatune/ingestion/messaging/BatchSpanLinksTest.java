package io.novatune.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The one span of a poll, on the OpenTelemetry SDK the service runs with: linked to the trace of every record. */
class BatchSpanLinksTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting())).build();
    private final RequestTracing tracing = tracing(provider.get("test"));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void the_batch_span_is_a_root_consumer_span_with_a_link_to_each_records_trace_and_the_decisions_run_in_it() {
        String first = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String second = "00-5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174-00";

        String inside = tracing.inBatchSpan(Arrays.asList(first, null, "garbage", second), tracing::traceparent);

        assertThat(exported).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("track-added process");
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getParentSpanContext().isValid()).isFalse();
            assertThat(span.getLinks()).extracting(LinkData::getSpanContext)
                    .extracting(context -> "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                            + context.getTraceFlags().asHex())
                    .containsExactly(first, second);
            // The decisions see the batch span as current (its flags may carry W3C's "random trace id" bit too).
            assertThat(inside).startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
        });
    }

    private static RequestTracing tracing(io.opentelemetry.api.trace.Tracer otel) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tracer", new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { }));
        beans.addBean("propagator", new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
        return new RequestTracing(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
    }

    private final class Collecting implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
