package io.novatune.archiver.archiving;

import io.novatune.events.ArchiveDue;
import io.novatune.events.Topics;
import io.novatune.events.kafka.UnprocessableEventException;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code archive-due}, consumer group {@code spring.kafka.consumer.group-id} ({@code archiver}). Decoding, retries
 * with back-off and dead-lettering to {@code archive-due.DLT} are the shared wiring of {@code io.novatune.events.kafka}.
 * {@link #CONTAINER_ID} names the container for operators and tests.
 */
@Component
@KafkaListener(id = ArchiveDueListener.CONTAINER_ID, idIsGroup = false, topics = Topics.ARCHIVE_DUE)
public class ArchiveDueListener {

    public static final String CONTAINER_ID = "archive-due";

    private final TrackArchiving archiving;

    public ArchiveDueListener(TrackArchiving archiving) {
        this.archiving = archiving;
    }

    @KafkaHandler
    public void due(ArchiveDue event) {
        archiving.archive(event);
    }

    @KafkaHandler(isDefault = true)
    public void other(Object event) {
        throw UnprocessableEventException.misrouted(event, Topics.ARCHIVE_DUE);
    }
}
