package io.novatune.lifecycle.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Makes a dead-lettered record visible to operators: a counter ({@code lifecycle_dead_letters_total}) and an
 * error log line with the track id (the record key) and the reason. The shared error handler of
 * {@code io.novatune.events.kafka} does the dead-lettering; it has no retry listener of its own, so this one is
 * set on it.
 */
@Component
public class DeadLetterReporting implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReporting.class);

    private final MeterRegistry meters;

    public DeadLetterReporting(ObjectProvider<DefaultErrorHandler> errorHandler, MeterRegistry meters) {
        this.meters = meters;
        errorHandler.ifAvailable(handler -> handler.setRetryListeners(this));
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        // Purge failures are counted and logged by reason where they happen.
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        Throwable reason = NestedExceptionUtils.getMostSpecificCause(ex);
        Counter.builder("lifecycle.dead.letters")
                .description("Records given up on and published to <topic>.DLT")
                .tag("topic", record.topic())
                .tag("exception", reason.getClass().getSimpleName())
                .register(meters)
                .increment();
        log.atError()
                .addKeyValue("topic", record.topic())
                .addKeyValue("partition", record.partition())
                .addKeyValue("offset", record.offset())
                .addKeyValue("trackId", String.valueOf(record.key()))
                .addKeyValue("reason", reason.getMessage())
                .log("record dead-lettered to {}.DLT", record.topic());
    }
}
