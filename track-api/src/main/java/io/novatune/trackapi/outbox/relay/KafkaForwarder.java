package io.novatune.trackapi.outbox.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Sends each batch the engine hands over to Kafka, and tells the engine a record is processed only
 * once Kafka has acknowledged it. A failed send fails the batch: the engine stops without committing
 * its offsets, and the records are read again from the slot when the relay restarts.
 */
final class KafkaForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<String, byte[]> producer;
    private final LongConsumer forwarded;

    KafkaForwarder(Producer<String, byte[]> producer, LongConsumer forwarded) {
        this.producer = producer;
        this.forwarded = forwarded;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            SourceRecord record = change.record();
            if (isRoutedEvent(record)) {
                sends.add(producer.send(toKafka(record)));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            awaitAcknowledgement(send);
        }
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        forwarded.accept(sends.size());
    }

    /** Heartbeats and the heartbeat table's changes keep the slot moving but are not events. */
    private static boolean isRoutedEvent(SourceRecord record) {
        return record.value() != null
                && !record.topic().startsWith(DebeziumProperties.TOPIC_PREFIX)
                && !record.topic().startsWith("__debezium-heartbeat");
    }

    private static ProducerRecord<String, byte[]> toKafka(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(record.topic(), null, (String) record.key(), payload(record.value()), headers);
    }

    private static byte[] payload(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }

    private static void awaitAcknowledgement(Future<RecordMetadata> send) throws InterruptedException {
        try {
            send.get();
        } catch (ExecutionException e) {
            throw new RelayException("Kafka did not acknowledge an outbox event", e.getCause());
        }
    }
}
