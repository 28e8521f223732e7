package io.novatune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void every_topic_of_the_design_is_listed_once() {
        assertThat(Topics.all()).containsExactly("track-added", "track-updated", "track-deleted", "track-purged",
                "archive-due", "archive-results", "ingestion-requested", "track-indexed", "tracks-discovered");
    }

    @Test
    void a_dead_letter_topic_is_the_topic_with_a_dlt_suffix() {
        assertThat(Topics.deadLetter(Topics.TRACK_DELETED)).isEqualTo("track-deleted.DLT");
    }

    @Test
    void the_whole_deletion_lifecycle_of_a_track_travels_on_one_topic() {
        assertThat(Topics.topicOf(TrackDeleted.class)).isEqualTo(Topics.TRACK_DELETED);
        assertThat(Topics.topicOf(TrackRestored.class)).isEqualTo(Topics.TRACK_DELETED);
        assertThat(Topics.topicOf(TrackPurgeDue.class)).isEqualTo(Topics.TRACK_DELETED);
        assertThat(Topics.eventTypes(Topics.TRACK_DELETED))
                .containsExactly(TrackDeleted.class, TrackRestored.class, TrackPurgeDue.class);
    }

    @Test
    void every_event_type_goes_to_exactly_the_topic_the_design_names() {
        assertThat(Topics.topicOf(TrackAdded.class)).isEqualTo("track-added");
        assertThat(Topics.topicOf(AlbumAdded.class)).isEqualTo("track-added");
        assertThat(Topics.topicOf(TrackUpdated.class)).isEqualTo("track-updated");
        assertThat(Topics.topicOf(TrackPurged.class)).isEqualTo("track-purged");
        assertThat(Topics.topicOf(ArchiveDue.class)).isEqualTo("archive-due");
        assertThat(Topics.topicOf(TrackArchived.class)).isEqualTo("archive-results");
        assertThat(Topics.topicOf(ArchiveFailed.class)).isEqualTo("archive-results");
        assertThat(Topics.topicOf(IngestionRequested.class)).isEqualTo("ingestion-requested");
        assertThat(Topics.topicOf(TracksDiscovered.class)).isEqualTo("tracks-discovered");
        assertThat(Topics.topicOf(TrackIndexed.class)).isEqualTo("track-indexed");
        assertThat(Topics.allEventTypes()).doesNotHaveDuplicates().hasSize(13);
    }

    @Test
    void every_event_sample_has_a_topic_and_every_event_type_has_a_sample() {
        assertThat(EventSamples.everyEventType()).extracting(SpecificRecord::getClass)
                .containsExactlyInAnyOrderElementsOf(Topics.allEventTypes());
    }

    @Test
    void a_nested_record_is_not_an_event_and_has_no_topic() {
        assertThatThrownBy(() -> Topics.topicOf(AlbumTrack.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.novatune.events.AlbumTrack");
        assertThatThrownBy(() -> Topics.eventTypes("no-such-topic"))
                .hasMessageContaining("unknown topic no-such-topic");
    }
}
