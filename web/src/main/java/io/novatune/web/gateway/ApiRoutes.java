package io.novatune.web.gateway;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which API path prefixes go to which service ({@code novatune.web.routes}). The first route whose prefix matches
 * wins; a path no route matches is served by this app (the static files).
 *
 * @param routes the routes, in order
 */
@ConfigurationProperties("novatune.web")
public record ApiRoutes(List<Route> routes) {

    public ApiRoutes {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /**
     * @param name     for logs and the 502 message
     * @param baseUrl  the service's base URL, e.g. {@code http://localhost:8080}
     * @param prefixes path prefixes such as {@code /api/v1/tracks}
     */
    public record Route(String name, URI baseUrl, List<String> prefixes) {

        public Route {
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        }

        boolean matches(String path) {
            return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        }
    }

    Optional<Route> routeFor(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }
}
