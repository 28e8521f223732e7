package io.novatune.deploy.standin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.infra.standin.MusicDatabaseStandIn;

/**
 * The music databases of the local stack: the MusicBrainz/Discogs stand-in of {@code embedded-infra} (a real HTTP
 * server answering their search APIs from recordings, with their rate limits), on a fixed port, and the settings that
 * point discovery-service at it. The README's walk-through tracklist is identified from it.
 */
public final class MusicDatabasesStandIn implements AutoCloseable {

    public static final int DEFAULT_PORT = 18702;

    private final MusicDatabaseStandIn databases;

    private MusicDatabasesStandIn(MusicDatabaseStandIn databases) {
        this.databases = databases;
    }

    public static MusicDatabasesStandIn start(int port) {
        return new MusicDatabasesStandIn(MusicDatabaseStandIn.start(port).withRecordedCatalog());
    }

    /** discovery-service's {@code novatune.discovery.*}, as environment variables. */
    public Map<String, String> discoveryEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NOVATUNE_DISCOVERY_MUSICBRAINZ_BASE_URL", databases.musicBrainzUrl().toString());
        environment.put("NOVATUNE_DISCOVERY_DISCOGS_BASE_URL", databases.discogsUrl().toString());
        environment.put("NOVATUNE_DISCOVERY_DISCOGS_TOKEN", MusicDatabaseStandIn.DISCOGS_TOKEN);
        // Spotify and Beatport stay off (as in production) unless NOVATUNE_DISCOVERY_{SPOTIFY,BEATPORT}_ENABLED=true;
        // then they ask the stand-in, which takes any client credentials and bearer token.
        environment.put("NOVATUNE_DISCOVERY_SPOTIFY_BASE_URL", databases.spotifyUrl().toString());
        environment.put("NOVATUNE_DISCOVERY_SPOTIFY_TOKEN_URL", databases.spotifyTokenUrl().toString());
        environment.put("NOVATUNE_DISCOVERY_SPOTIFY_CLIENT_ID", "novatune-local");
        environment.put("NOVATUNE_DISCOVERY_SPOTIFY_CLIENT_SECRET", "novatune-local-secret");
        environment.put("NOVATUNE_DISCOVERY_BEATPORT_BASE_URL", databases.beatportUrl().toString());
        environment.put("NOVATUNE_DISCOVERY_BEATPORT_TOKEN", "novatune-local-beatport-token");
        return environment;
    }

    public String describe() {
        return databases.musicBrainzUrl() + " and " + databases.discogsUrl() + "/database/search"
                + "   (MusicBrainz and Discogs stand-in; about 100 recorded recordings and 35 releases)";
    }

    @Override
    public void close() {
        databases.close();
    }

    @Override
    public String toString() {
        return "music databases stand-in on port " + databases.port();
    }
}
