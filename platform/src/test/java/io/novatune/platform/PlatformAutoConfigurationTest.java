package io.novatune.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.tracing.Traceparents;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
                    org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration.class,
                    org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration.class,
                    org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration.class,
                    PlatformAutoConfiguration.class));

    @Test
    void the_clock_is_utc() {
        context.run(app -> assertThat(app.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC));
    }

    @Test
    void the_traceparent_is_the_current_spans_in_w3c_form() {
        context.withPropertyValues("management.tracing.sampling.probability=1.0").run(app -> {
            Tracer tracer = app.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("request").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                String traceparent = app.getBean(Traceparents.class).current();
                assertThat(traceparent).startsWith("00-" + span.context().traceId() + "-" + span.context().spanId() + "-");
                int flags = Integer.parseInt(traceparent.substring(traceparent.lastIndexOf('-') + 1), 16);
                assertThat(flags & 1).as("the sampled flag of " + traceparent).isEqualTo(1);
            } finally {
                span.end();
            }
        });
    }

    @Test
    void there_is_no_traceparent_outside_a_span() {
        context.run(app -> assertThat(app.getBean(Traceparents.class).current()).isNull());
    }

    @Test
    void the_s3_settings_never_show_the_secret() {
        context.withPropertyValues("novatune.s3.endpoint=http://localhost:9000", "novatune.s3.access-key=key",
                        "novatune.s3.secret-key=very-secret")
                .run(app -> {
                    S3ClientSettings settings = app.getBean(S3ClientSettings.class);
                    assertThat(settings.hasStaticCredentials()).isTrue();
                    assertThat(settings.toString()).contains("localhost:9000").doesNotContain("very-secret");
                });
    }
}
