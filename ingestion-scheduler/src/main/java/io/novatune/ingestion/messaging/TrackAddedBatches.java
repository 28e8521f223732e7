package io.novatune.ingestion.messaging;

import io.novatune.events.kafka.EventDeadLetterPublisher;
import io.novatune.events.kafka.EventKafkaAutoConfiguration;
import io.novatune.events.kafka.EventKafkaProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The container of {@code track-added}: batch mode, one listener call per poll (ADR 0031). Everything else is
 * Boot's and the platform's ({@code spring.kafka.*}, the shared retry and dead-letter rules); {@code track-indexed}
 * keeps the default record container.
 */
@Configuration(proxyBeanMethods = false)
class TrackAddedBatches {

    static final String FACTORY = "trackAddedBatchFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> trackAddedBatchFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers,
            EventDeadLetterPublisher deadLetters, EventKafkaProperties kafka) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        boot.configure(factory, consumers);
        factory.setBatchListener(true);
        // spring-kafka observes a batch record by record (one listener call each); the listener opens one span
        // per poll instead, linked to every record's trace.
        factory.getContainerProperties().setObservationEnabled(false);
        factory.setCommonErrorHandler(errorHandler(deadLetters, kafka.retry()));
        return factory;
    }

    /**
     * The platform's rules (bounded retries, then {@code track-added.DLT}; at once for what can never succeed),
     * for a batch: the listener names the failed record with a {@link BatchListenerFailedException}, the records
     * before it are committed, it is retried or dead-lettered alone, and those after it come in the next poll.
     */
    private static DefaultErrorHandler errorHandler(EventDeadLetterPublisher deadLetters, EventKafkaProperties.Retry retry) {
        return EventKafkaAutoConfiguration.errorHandler(asForOneRecord(deadLetters.recoverer()), retry);
    }

    /**
     * Dead-letters the record with its own failure, as a record listener would have: an undecodable record with
     * the {@link DeserializationException}, an unprocessable one with the listener's exception around its reason,
     * not with the batch exception that only says which record it was.
     */
    private static ConsumerAwareRecordRecoverer asForOneRecord(DeadLetterPublishingRecoverer deadLetters) {
        return (record, consumer, thrown) -> deadLetters.accept(record, consumer, ownFailure(thrown));
    }

    static Exception ownFailure(Exception thrown) {
        Throwable named = thrown instanceof BatchListenerFailedException ? thrown : thrown.getCause();
        if (!(named instanceof BatchListenerFailedException failed) || !(failed.getCause() instanceof Exception cause)) {
            return thrown;
        }
        if (cause instanceof DeserializationException undecodable) {
            return undecodable;
        }
        String group = thrown instanceof ListenerExecutionFailedException listener ? listener.getGroupId() : null;
        return new ListenerExecutionFailedException(thrown.getMessage(), group, cause);
    }
}
