package io.novatune.platform;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.novatune.platform.problem.ReactiveProblemDetailsAdvice;
import io.novatune.platform.problem.ServletProblemDetailsAdvice;
import io.novatune.platform.security.JwtSettings;
import io.novatune.platform.security.RejectedExchangeAdvice;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.tracing.Traceparents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

import java.time.Clock;

/**
 * What every NovaTune service needs and is not about events: the clock, the traceparent of the current span, the
 * settings of the S3 clients, and problem details for every error of its HTTP API. A service that declares its own bean of a type replaces this one.
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

    /** problem+json for every error of a WebFlux API, {@code internal-error} for what no handler knew. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler")
    static class ReactiveProblemsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReactiveProblemDetailsAdvice reactiveProblemDetailsAdvice() {
            return new ReactiveProblemDetailsAdvice();
        }
    }

    /** The same for a Spring MVC service. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler")
    static class ServletProblemsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ServletProblemDetailsAdvice servletProblemDetailsAdvice() {
            return new ServletProblemDetailsAdvice();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.ReactiveJwtDecoder")
    @EnableConfigurationProperties(JwtSettings.class)
    static class SecurityConfiguration {

        /** A request the firewall rejects answers 400 wherever its parameters are first read. */
        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        RejectedExchangeAdvice rejectedExchangeAdvice() {
            return new RejectedExchangeAdvice();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3BaseClientBuilder.class)
    @EnableConfigurationProperties(S3ClientSettings.class)
    static class StorageConfiguration {
    }
}
