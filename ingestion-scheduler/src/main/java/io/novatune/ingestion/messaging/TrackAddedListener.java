package io.novatune.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.novatune.events.AlbumAdded;
import io.novatune.events.EventHeaders;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.ingestion.scheduling.AddEvent;
import io.novatune.ingestion.scheduling.DecisionLog;
import io.novatune.ingestion.scheduling.ScheduleIngestion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * {@code track-added}: the records of one poll decided together, in one ledger statement (ADR 0031). A record
 * that did not decode or does not belong on the topic ends the batch there: the records before it are decided
 * and committed, it goes to the shared error handler ({@code track-added.DLT} at once), and the records after it
 * come again in the next poll. Any other failure fails the whole batch, which the error handler retries.
 */
@Component
class TrackAddedListener {

    private static final LogAccessor LOG = new LogAccessor(TrackAddedListener.class);

    private final ScheduleIngestion scheduling;
    private final DecisionLog decisions;
    private final RequestTracing tracing;

    TrackAddedListener(ScheduleIngestion scheduling, DecisionLog decisions, RequestTracing tracing) {
        this.scheduling = scheduling;
        this.decisions = decisions;
        this.tracing = tracing;
    }

    @KafkaListener(id = "track-added", idIsGroup = false, topics = Topics.TRACK_ADDED,
            containerFactory = TrackAddedBatches.FACTORY)
    void onTrackAdded(List<ConsumerRecord<String, SpecificRecord>> records) {
        long started = System.nanoTime();
        List<AddEvent> events = new ArrayList<>(records.size());
        RuntimeException unprocessable = null;
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            String traceparent = header(record, EventHeaders.TRACEPARENT);
            if (record.value() instanceof TrackAdded track) {
                events.add(AddEvent.of(track, traceparent));
            } else if (record.value() instanceof AlbumAdded album) {
                events.add(AddEvent.of(album, traceparent));
            } else {
                unprocessable = unprocessable(record);
                break;
            }
        }
        if (!events.isEmpty()) {
            try {
                tracing.inBatchSpan(events.stream().map(AddEvent::traceparent).toList(), () -> scheduling.added(events));
            } catch (RuntimeException failed) {
                decisions.error("processing_failed", null, null, failed, (System.nanoTime() - started) / 1_000_000);
                throw failed;
            }
        }
        if (unprocessable != null) {
            if (unprocessable instanceof UnprocessableEventException) {
                decisions.error("unprocessable_event", null, null, unprocessable, (System.nanoTime() - started) / 1_000_000);
            }
            throw new BatchListenerFailedException(unprocessable.getMessage(), unprocessable, events.size());
        }
    }

    /** Why a record cannot be decided: it did not decode (its bytes are in the exception), or it is no add event. */
    private static RuntimeException unprocessable(ConsumerRecord<String, SpecificRecord> record) {
        DeserializationException undecodable = record.value() == null ? SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG) : null;
        return undecodable != null ? undecodable : UnprocessableEventException.misrouted(record.value(), record.topic());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
