package io.novatune.deploy.standin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.infra.standin.TidalStandIn;

/**
 * The third-party streaming catalog of the local stack: the TIDAL stand-in of {@code embedded-infra} (a real HTTP
 * server answering TIDAL's API v2 from recordings), on a fixed port, and the settings that point track-api at it.
 * Albums added by {@code {"catalogRef": {"service": "tidal", "id": …}}} are listed from it.
 */
public final class CatalogStandIn implements AutoCloseable {

    public static final int DEFAULT_PORT = 18700;
    /** The recorded album of the README's walk-through: OK Computer, 12 tracks. */
    public static final String WALK_THROUGH_ALBUM = "70001001";

    private final TidalStandIn tidal;

    private CatalogStandIn(TidalStandIn tidal) {
        this.tidal = tidal;
    }

    public static CatalogStandIn start(int port) {
        return new CatalogStandIn(TidalStandIn.start(port).withRecordedAlbums());
    }

    /** track-api's {@code novatune.catalog.tidal.*}, as environment variables. */
    public Map<String, String> trackApiEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NOVATUNE_CATALOG_TIDAL_API_URL", tidal.apiUrl().toString());
        environment.put("NOVATUNE_CATALOG_TIDAL_TOKEN_URL", tidal.tokenUrl().toString());
        environment.put("NOVATUNE_CATALOG_TIDAL_CLIENT_ID", TidalStandIn.CLIENT_ID);
        environment.put("NOVATUNE_CATALOG_TIDAL_CLIENT_SECRET", TidalStandIn.CLIENT_SECRET);
        return environment;
    }

    public String describe() {
        return tidal.apiUrl() + "   (TIDAL API stand-in; recorded albums 70001001 OK Computer (12 tracks),"
                + " 70002001 Mezzanine, 70003001 Discovery)";
    }

    @Override
    public void close() {
        tidal.close();
    }

    @Override
    public String toString() {
        return "catalog stand-in on port " + tidal.port();
    }
}
