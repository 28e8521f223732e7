package io.novatune.deploy.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;


import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.events.serde.EventJson;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record as one line of JSON for an operator: where it is, its key and headers as text, and the decoded
 * event. A value that does not decode is reported in an {@code error} field (with the raw bytes in base64), never
 * as a crash: on a dead-letter topic such records are exactly what one looks for.
 */
public final class RecordJson {

    private final ObjectMapper json = new ObjectMapper();

    public String render(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode line = json.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key() == null ? null : text(record.key()));
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : text(header.value()));
        }
        if (record.value() == null) {
            line.putNull("event");
        } else {
            try {
                SpecificRecord event = EventDeserializer.decode(record.value());
                line.put("eventType", event.getSchema().getName());
                line.set("event", json.readTree(EventJson.toJson(event)));
            } catch (RuntimeException undecodable) {
                line.put("error", undecodable.getMessage());
                line.put("valueBase64", Base64.getEncoder().encodeToString(record.value()));
            }
        }
        return line.toString();
    }

    // Keys and headers are text in NovaTune (ids, ISRCs, trace context); anything else is shown as base64.
    public static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException binary) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
