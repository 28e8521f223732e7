package io.novatune.discovery.purchases;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.wantlist.PatchWantListRequest;
import io.novatune.discovery.wantlist.WantList;
import io.novatune.discovery.wantlist.WantListEntry;
import io.novatune.events.AlbumAdded;
import io.novatune.events.AlbumTrack;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** track-added consumed in group discovery-service: library adds buy wanted tracks, once, whatever is replayed. */
class TrackAddedReplayTest extends DiscoveryIntegrationTest {

    private static final String GROUP = "discovery-service";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WantList wantList;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final KafkaProbe kafka = KafkaProbe.shared();
    private final String user = "user-" + UUID.randomUUID();
    private WantedTracks wanted;

    @BeforeEach
    void fixture() {
        wanted = new WantedTracks(db, store, wantList, user);
    }

    @Test
    void a_library_add_marks_the_wanted_track_of_the_same_isrc_or_the_same_artist_title_and_version_purchased() {
        String isrc = WantedTracks.randomIsrc();
        String byIsrc = wanted.want(track("Floating Points", "LesAlpx", null, null, null, isrc, null, null));
        String byName = wanted.want(track("Hot Chip", "Flutes", "Sasha Remix", null, null, null, null, null));
        String untouched = wanted.want(track("Hot Chip", "Flutes", null, null, null, null, null, null));

        // Another user's adds of the same recordings change nothing of this user's.
        kafka.publish("stranger", WantedTracks.trackAdded("user-" + UUID.randomUUID(), "Floating Points", "LesAlpx", isrc));
        // The ISRC as another service may spell it, another title: the ISRC decides.
        TrackAdded single = WantedTracks.trackAdded(user, "Floating Points", "Les Alpx (Edit)", isrc.toLowerCase());
        kafka.publish(single.getTrackId(), single);
        AlbumAdded album = AlbumAdded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setAlbumId("album-" + UUID.randomUUID()).setUserId(user).setTitle("Flutes EP").setArtist("Hot Chip")
                .setTracks(List.of(AlbumTrack.newBuilder().setTrackId("track-" + UUID.randomUUID()).setTrackNumber(2)
                        .setTitle("Flutes (Sasha remix)").setArtist("HOT CHIP").setIsrc(null).build()))
                .build();
        kafka.publish(album.getAlbumId(), album);

        await().atMost(PATIENCE).until(() -> wanted.entry(byIsrc).status().equals("purchased")
                && wanted.entry(byName).status().equals("purchased"));
        WantListEntry first = wanted.entry(byIsrc);
        assertThat(first.purchasedAt()).isEqualTo(single.getOccurredAt());
        assertThat(first.libraryTrackId()).isEqualTo(single.getTrackId());
        WantListEntry second = wanted.entry(byName);
        assertThat(second.purchasedAt()).isEqualTo(album.getOccurredAt());
        assertThat(second.libraryTrackId()).isEqualTo(album.getTracks().get(0).getTrackId());
        await().atMost(PATIENCE).until(() -> kafka.groupCaughtUp(GROUP, Topics.TRACK_ADDED));
        assertThat(wanted.entry(untouched).status()).as("the original mix is another version").isEqualTo("wanted");
    }

    @Test
    void a_track_identified_by_hand_with_its_version_in_the_title_is_bought_by_the_same_recording() {
        // POST /catalog/tracks/{id}/identify keeps the title as typed: the version stays in it, with no version of its own.
        String typedByHand = wanted.want(track("Bicep", "Glue (Hammer Remix)", null, null, null, null, null, null));
        String splitUp = wanted.want(track("Four Tet", "Baby", "Floating Points Remix", null, null, null, null, null));

        TrackAdded glue = WantedTracks.trackAdded(user, "Bicep", "Glue (Hammer Remix)", null);
        TrackAdded baby = WantedTracks.trackAdded(user, "Four Tet", "Baby - Floating Points Remix", null);
        kafka.publish(glue.getTrackId(), glue);
        kafka.publish(baby.getTrackId(), baby);

        await().atMost(PATIENCE).until(() -> wanted.entry(typedByHand).status().equals("purchased"));
        assertThat(wanted.entry(typedByHand).libraryTrackId()).isEqualTo(glue.getTrackId());
        await().atMost(PATIENCE).until(() -> wanted.entry(splitUp).status().equals("purchased"));
        assertThat(wanted.entry(splitUp).libraryTrackId()).isEqualTo(baby.getTrackId());
    }

    @Test
    void replaying_track_added_from_offset_0_or_publishing_an_event_again_has_no_second_effect() {
        String isrc = WantedTracks.randomIsrc();
        String id = wanted.want(track("Bicep", "Glue", null, null, null, isrc, null, null));
        TrackAdded added = WantedTracks.trackAdded(user, "Bicep", "Glue", isrc);
        kafka.publish(added.getTrackId(), added);
        await().atMost(PATIENCE).until(() -> wanted.entry(id).status().equals("purchased"));

        // The DJ sets it back (a returned record): a replay of the add must not buy it again.
        wantList.update(user, id, PatchWantListRequest.status("wanted")).block();
        WantListEntry before = wanted.entry(id);

        kafka.publish(added.getTrackId(), added);
        await().atMost(PATIENCE).until(() -> kafka.groupCaughtUp(GROUP, Topics.TRACK_ADDED));
        assertThat(wanted.entry(id)).isEqualTo(before);

        MessageListenerContainer container = listeners.getListenerContainer(TrackAddedListener.CONTAINER_ID);
        container.stop();
        try {
            // The group has no member once the container stopped; the broker may take a moment to see it leave.
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> kafka.rewind(GROUP, Topics.TRACK_ADDED));
        } finally {
            container.start();
        }
        await().atMost(PATIENCE).until(() -> kafka.groupCaughtUp(GROUP, Topics.TRACK_ADDED));
        assertThat(wanted.entry(id)).isEqualTo(before);
        assertThat(db.sql("SELECT count(*) AS n FROM processed_events WHERE event_id = :id").bind("id", added.getEventId())
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
    }
}
