package io.novatune.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import io.novatune.events.EventHeaders;
import io.novatune.events.EventSamples;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackRestored;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSerdeTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    static Stream<SpecificRecord> everyEvent() {
        return EventSamples.everyEventType().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyEvent")
    void every_event_survives_a_round_trip(SpecificRecord event) {
        String topic = Topics.topicOf(event);

        SpecificRecord decoded = deserializer.deserialize(topic, serializer.serialize(topic, event));

        assertThat(decoded).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyEvent")
    void the_static_encode_and_decode_agree_with_the_kafka_serde(SpecificRecord event) {
        byte[] bytes = EventSerializer.encode(event);

        assertThat(bytes).isEqualTo(serializer.serialize("any-topic", event));
        assertThat(EventDeserializer.decode(bytes)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyEvent")
    void the_wire_bytes_start_with_zero_and_the_pinned_schema_id(SpecificRecord event) {
        byte[] bytes = EventSerializer.encode(event);

        int pinnedId = PinnedSchemas.load().idOf(event.getSchema());
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(pinnedId);
        assertThat(bytes.length).isGreaterThan(5);
    }

    @Test
    void the_serializer_sets_the_event_type_and_event_id_headers_once() {
        TrackAdded event = EventSamples.sample(TrackAdded.class);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, "stale".getBytes(StandardCharsets.UTF_8));

        serializer.serialize(Topics.TRACK_ADDED, headers, event);

        assertThat(headers.headers(EventHeaders.EVENT_TYPE)).hasSize(1);
        assertThat(new String(headers.lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("io.novatune.events.TrackAdded");
        assertThat(new String(headers.lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(event.getEventId());
    }

    @Test
    void serializing_a_record_again_after_kafka_made_its_headers_read_only_still_works() {
        TrackAdded event = EventSamples.sample(TrackAdded.class);
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(Topics.TRACK_ADDED, headers, event);
        headers.setReadOnly();

        assertThat(serializer.serialize(Topics.TRACK_ADDED, headers, event)).isEqualTo(EventSerializer.encode(event));
    }

    @Test
    void an_event_missing_a_required_field_fails_to_encode_naming_the_event() {
        TrackRestored incomplete = new TrackRestored();
        incomplete.setEventId("e-1");
        incomplete.setOccurredAt(Instant.EPOCH);

        assertThatThrownBy(() -> EventSerializer.encode(incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot encode io.novatune.events.TrackRestored");
    }

    @Test
    void an_unknown_schema_id_fails_naming_the_id() {
        byte[] bytes = EventSerializer.encode(EventSamples.sample(TrackAdded.class));
        ByteBuffer.wrap(bytes).putInt(1, 424242);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.TRACK_ADDED, bytes))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown schema id 424242");
    }

    @Test
    void a_wrong_magic_byte_fails_naming_the_byte_found_and_the_one_expected() {
        byte[] json = "{\"trackId\":\"t-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.TRACK_ADDED, json))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("wrong magic byte 0x7B")
                .hasMessageContaining("expected 0x00");
    }

    @Test
    void a_payload_shorter_than_the_header_fails_as_too_short() {
        assertThatThrownBy(() -> deserializer.deserialize(Topics.TRACK_ADDED, new byte[] {0, 0, 3}))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("payload of 3 bytes is too short");
    }

    @Test
    void a_truncated_body_fails_naming_the_event_type_and_schema_id() {
        TrackAdded event = EventSamples.sample(TrackAdded.class);
        byte[] bytes = EventSerializer.encode(event);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);
        int id = PinnedSchemas.load().idOf(event.getSchema());

        assertThatThrownBy(() -> deserializer.deserialize(Topics.TRACK_ADDED, truncated))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("body of io.novatune.events.TrackAdded (schema id " + id + ") does not decode");
    }

    @Test
    void a_body_of_garbage_fails_as_not_decoding() {
        byte[] bytes = EventSerializer.encode(EventSamples.sample(TrackAdded.class));
        Arrays.fill(bytes, 5, bytes.length, (byte) 0xFF);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.TRACK_ADDED, bytes))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("io.novatune.events.TrackAdded")
                .hasMessageContaining("does not decode");
    }

    @Test
    void bytes_left_over_after_the_event_fail_rather_than_being_ignored() {
        byte[] bytes = EventSerializer.encode(EventSamples.sample(TrackAdded.class));
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.TRACK_ADDED, padded))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("left over");
    }

    @Test
    void a_null_value_passes_through_as_a_tombstone_but_decode_refuses_it() {
        assertThat(deserializer.deserialize(Topics.TRACK_ADDED, null)).isNull();
        assertThat(serializer.serialize(Topics.TRACK_ADDED, null)).isNull();
        assertThatThrownBy(() -> EventDeserializer.decode(null))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("null");
    }

    @Test
    void decoding_errors_are_kafka_serialization_exceptions_so_the_error_handler_can_dead_letter_them() {
        assertThat(new EventDecodingException("x")).isInstanceOf(SerializationException.class);
    }
}
