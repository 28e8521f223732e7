package io.novatune.events.kafka;

import io.novatune.events.serde.EventDecodingException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The error handling every NovaTune consumer shares (architecture §5 "Every consumer"): a failed record is retried
 * a bounded number of times with exponential back-off, then published to {@code <topic>.DLT}; a record that
 * cannot be decoded, or can never be processed, goes there at once, so one bad record never stalls its
 * partition. Boot's listener container factory picks the {@link CommonErrorHandler} bean up.
 * <p>
 * The serdes and observation defaults come from {@link EventKafkaDefaults}. A service that declares its own
 * {@link CommonErrorHandler} replaces this one.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(ProducerFactory.class)
@EnableConfigurationProperties(EventKafkaProperties.class)
public class EventKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventDeadLetterPublisher eventDeadLetterPublisher(ProducerFactory<?, ?> producerFactory) {
        return new EventDeadLetterPublisher(producerFactory.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler eventErrorHandler(EventDeadLetterPublisher deadLetters, EventKafkaProperties properties) {
        return errorHandler(deadLetters.recoverer(), properties.retry());
    }

    /**
     * The platform's rules for a failed record: bounded exponential retries, then {@code recoverer} (the dead-letter
     * topic); at once for what a retry cannot make succeed. For a container that needs its own handler (a batch
     * listener, say) with the same rules.
     */
    public static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, EventKafkaProperties.Retry retry) {
        var handler = new DefaultErrorHandler(recoverer, backOff(retry));
        // DeserializationException and ConversionException are already in spring-kafka's defaults; named here
        // so the rule reads in one place.
        handler.addNotRetryableExceptions(DeserializationException.class, EventDecodingException.class,
                ConversionException.class, UnprocessableEventException.class);
        return handler;
    }

    static ExponentialBackOffWithMaxRetries backOff(EventKafkaProperties.Retry retry) {
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    /** Only where actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class KafkaHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
            return new KafkaHealthIndicator(kafkaAdmin);
        }
    }
}
