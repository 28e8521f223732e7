package io.novatune.trackapi.web;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.Locale;
import java.util.regex.Pattern;

/** The library requests that are counted and rate-limited (reads and every write), recognised by method and path. */
enum TrackRequestKind {
    LIST, GET, ADD, UPDATE, DELETE, ADD_ALBUM, ARCHIVE;

    private static final String TRACKS = "/api/v1/tracks";
    private static final String ALBUMS = "/api/v1/library/albums";
    private static final Pattern ONE_TRACK = Pattern.compile("/api/v1/tracks/[^/]+");
    private static final Pattern ARCHIVE_NOW = Pattern.compile("/api/v1/tracks/[^/]+/archive");
    private static final Pattern REFRESH_LISTING = Pattern.compile("/api/v1/library/albums/[^/]+/refresh-listing");

    /** {@code null} for every other request. */
    static TrackRequestKind of(ServerHttpRequest request) {
        String path = decoded(request.getPath().pathWithinApplication());
        HttpMethod method = request.getMethod();
        if (path.equals(TRACKS)) {
            return HttpMethod.GET.equals(method) ? LIST : HttpMethod.POST.equals(method) ? ADD : null;
        }
        if (HttpMethod.POST.equals(method)) {
            // A listing refresh asks the catalog as an album add does, and shares its limit.
            if (path.equals(ALBUMS) || REFRESH_LISTING.matcher(path).matches()) {
                return ADD_ALBUM;
            }
            return ARCHIVE_NOW.matcher(path).matches() ? ARCHIVE : null;
        }
        if (!ONE_TRACK.matcher(path).matches()) {
            return null;
        }
        if (HttpMethod.GET.equals(method)) {
            return GET;
        }
        if (HttpMethod.PATCH.equals(method)) {
            return UPDATE;
        }
        return HttpMethod.DELETE.equals(method) ? DELETE : null;
    }

    /**
     * The path as the router matches it: each segment percent-decoded, path parameters ({@code ;…}) dropped. On the
     * raw path, {@code /api/v1/%74racks} would reach the list endpoint without being counted or limited.
     */
    private static String decoded(PathContainer path) {
        StringBuilder decoded = new StringBuilder();
        for (PathContainer.Element element : path.elements()) {
            decoded.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return decoded.toString();
    }

    String metricName() {
        return "track_" + name().toLowerCase(Locale.ROOT) + "_requests";
    }
}
