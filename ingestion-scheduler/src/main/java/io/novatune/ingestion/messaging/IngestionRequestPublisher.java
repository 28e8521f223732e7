package io.novatune.ingestion.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.novatune.events.IngestionRequested;
import io.novatune.events.Topics;
import io.novatune.ingestion.ledger.IngestionRequest;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends {@code IngestionRequested} (key = ISRC) and waits for Kafka's acknowledgement of each. */
@Component
class IngestionRequestPublisher {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final RequestTracing tracing;

    IngestionRequestPublisher(KafkaTemplate<String, SpecificRecord> kafka, RequestTracing tracing) {
        this.kafka = kafka;
        this.tracing = tracing;
    }

    /**
     * @param acknowledged ISRCs Kafka acknowledged (acks=all, idempotent producer)
     * @param failure      null, or the first reason a request was not acknowledged
     */
    record Publication(List<String> acknowledged, Throwable failure) {
    }

    Publication publish(List<IngestionRequest> requests, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> sends = new ArrayList<>(requests.size());
        Throwable failure = null;
        for (IngestionRequest request : requests) {
            try {
                // In the decision's trace: the observed template writes this span's traceparent header.
                tracing.inSpanContinuing(request.traceparent(),
                        () -> sends.add(kafka.send(Topics.INGESTION_REQUESTED, request.isrc(), event(request))));
            } catch (RuntimeException sendRefused) {
                // Typically no metadata within max.block.ms: the broker is gone, the rest would wait as long.
                failure = sendRefused;
                break;
            }
        }
        List<String> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(requests.get(i).isrc());
            } catch (ExecutionException notAcknowledged) {
                failure = failure == null ? notAcknowledged.getCause() : failure;
            } catch (TimeoutException notYet) {
                failure = failure == null ? notYet : failure;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                failure = failure == null ? stopping : failure;
                break;
            }
        }
        return new Publication(List.copyOf(acknowledged), failure);
    }

    private static IngestionRequested event(IngestionRequest request) {
        return IngestionRequested.newBuilder()
                .setEventId(request.eventId().toString())
                .setOccurredAt(request.requestedAt() == null ? Instant.now() : request.requestedAt())
                .setIsrc(request.isrc())
                .setTrackId(request.trackId())
                .setUserId(request.userId())
                .setTitle(request.title())
                .setArtist(request.artist())
                .setAlbum(request.album())
                .setDurationMs(request.durationMs())
                .build();
    }
}
