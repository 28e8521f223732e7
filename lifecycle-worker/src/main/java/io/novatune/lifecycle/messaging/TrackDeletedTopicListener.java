package io.novatune.lifecycle.messaging;

import io.novatune.events.Topics;
import io.novatune.events.TrackDeleted;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackRestored;
import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.lifecycle.purge.ForeignObjectKeyException;
import io.novatune.lifecycle.purge.PurgeRequest;
import io.novatune.lifecycle.purge.TrackPurge;
import io.novatune.lifecycle.visibility.TrackVisibility;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One track's deletion lifecycle, in order ({@code track-deleted} is keyed by track id). Decoding, retries with
 * back-off and dead-lettering to {@code track-deleted.DLT} are the shared wiring of {@code io.novatune.events.kafka}.
 * The group id is {@code spring.kafka.consumer.group-id}; {@link #CONTAINER_ID} names the container for operators
 * and tests.
 */
@Component
@KafkaListener(id = TrackDeletedTopicListener.CONTAINER_ID, idIsGroup = false, topics = Topics.TRACK_DELETED)
public class TrackDeletedTopicListener {

    public static final String CONTAINER_ID = "track-deleted";

    private final TrackPurge purge;
    private final TrackVisibility visibility;

    public TrackDeletedTopicListener(TrackPurge purge, TrackVisibility visibility) {
        this.purge = purge;
        this.visibility = visibility;
    }

    @KafkaHandler
    public void purgeDue(TrackPurgeDue event) {
        try {
            purge.purge(new PurgeRequest(event.getTrackId(), event.getUserId(), event.getEventId(), event.getAttempt(),
                    event.getObjectKeys()));
        } catch (ForeignObjectKeyException e) {
            // Not retried: dead-lettered at once with this reason; track-api's reconciler ends in DELETE_FAILED.
            throw new UnprocessableEventException(e.getMessage());
        }
    }

    @KafkaHandler
    public void deleted(TrackDeleted event) {
        visibility.hidden(event);
    }

    @KafkaHandler
    public void restored(TrackRestored event) {
        visibility.restored(event);
    }

    @KafkaHandler(isDefault = true)
    public void other(Object event) {
        throw UnprocessableEventException.misrouted(event, Topics.TRACK_DELETED);
    }
}
