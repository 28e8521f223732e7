package io.novatune.discovery.purchases;

import io.novatune.events.AlbumAdded;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.kafka.UnprocessableEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * {@code track-added} in consumer group {@code discovery-service} (spring.kafka.consumer.group-id): a library add
 * may buy a wanted track. Decoding, retries and dead-lettering to {@code track-added.DLT} are the shared wiring of
 * {@code io.novatune.events.kafka}; records that cannot be decoded never reach this method. The container thread
 * waits for the database: one record at a time per partition is the order the offsets are committed in.
 */
@Component
class TrackAddedListener {

    static final String CONTAINER_ID = "discovery-track-added";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final AutomaticPurchases purchases;

    TrackAddedListener(AutomaticPurchases purchases) {
        this.purchases = purchases;
    }

    @KafkaListener(id = CONTAINER_ID, idIsGroup = false, topics = Topics.TRACK_ADDED)
    void onTrackAdded(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        if (event instanceof TrackAdded track) {
            purchases.added(track.getEventId(), track.getUserId(), track.getOccurredAt(),
                    List.of(new LibraryTrack(track.getTrackId(), track.getArtist(), track.getTitle(), track.getIsrc())))
                    .block(WRITE_TIMEOUT);
        } else if (event instanceof AlbumAdded album) {
            purchases.added(album.getEventId(), album.getUserId(), album.getOccurredAt(), album.getTracks().stream()
                    .map(t -> new LibraryTrack(t.getTrackId(), t.getArtist(), t.getTitle(), t.getIsrc())).toList())
                    .block(WRITE_TIMEOUT);
        } else {
            throw UnprocessableEventException.misrouted(event, record.topic());
        }
    }
}
