package io.novatune.platform;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.tracing.Traceparents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

import java.time.Clock;

/**
 * What every NovaTune service needs and is not about events: the clock, the traceparent of the current span, and the
 * settings of the S3 clients. A service that declares its own bean of a type replaces this one.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"})
public class PlatformAutoConfiguration {

    /** UTC, so that every timestamp a service writes or compares is in one zone; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        /** Where tracing is switched off (tests, by default) there is no propagator, and no traceparent. */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(Tracer.class)
        Traceparents traceparents(Tracer tracer, ObjectProvider<Propagator> propagator) {
            return new Traceparents(tracer, propagator.getIfAvailable(() -> Propagator.NOOP));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3BaseClientBuilder.class)
    @EnableConfigurationProperties(S3ClientSettings.class)
    static class StorageConfiguration {
    }
}
