package io.novatune.trackapi.outbox.relay;

import io.novatune.infra.PostgresServer;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.track.AddCatalogTrack;
import io.novatune.trackapi.track.CatalogRef;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackLibrary;
import io.novatune.trackapi.track.TrackMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Relays in child processes over a database of their own; this JVM only writes tracks (its own
 * relay is off) and watches the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "novatune.relay.enabled=false")
abstract class RelayTest {

    static final String DATABASE = "tracks_relay";
    static final long LOCK_KEY = 4242;
    static final String OFFSET_TOPIC = DATABASE + "-relay-offsets";

    @Autowired
    TrackLibrary library;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresServer postgres = TrackApiIntegrationTest.startPostgres(DATABASE);
        registry.add("novatune.database.host", postgres::host);
        registry.add("novatune.database.port", postgres::port);
        registry.add("novatune.database.name", () -> DATABASE);
        registry.add("novatune.database.username", postgres::username);
        registry.add("novatune.database.password", postgres::password);
        registry.add("novatune.relay.slot-name", () -> DATABASE);
        registry.add("novatune.relay.offset-topic", () -> OFFSET_TOPIC);
        registry.add("spring.kafka.bootstrap-servers", TrackApiIntegrationTest::kafka);
        registry.add("novatune.security.jwt.secret", () -> TrackApiIntegrationTest.JWT_SECRET);
    }

    RelayProcess startRelay(String instance) throws IOException {
        return startRelay(instance, OFFSET_TOPIC);
    }

    RelayProcess startRelay(String instance, String offsetTopic) throws IOException {
        return RelayProcess.start(instance, TrackApiIntegrationTest.startPostgres(DATABASE), DATABASE,
                TrackApiIntegrationTest.kafka(), DATABASE, LOCK_KEY, offsetTopic);
    }

    /** Adds tracks four at a time and answers their ids. */
    List<String> addTracks(String prefix, int count) {
        return Flux.range(0, count)
                .flatMap(i -> library.addCatalogTrack(new AddCatalogTrack("relay-user",
                        new TrackMetadata(prefix + " " + i, "Artist", null, null, null, null, null, 200_000L),
                        new CatalogRef("spotify", prefix + i)), null), 4)
                .map(Track::id)
                .collectList()
                .block();
    }

    static Set<String> missing(List<String> expected, TopicRecorder topic) {
        Set<String> seen = topic.keys();
        return expected.stream().filter(id -> !seen.contains(id)).collect(Collectors.toSet());
    }
}
