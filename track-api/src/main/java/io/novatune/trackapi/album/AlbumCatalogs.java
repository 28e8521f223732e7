package io.novatune.trackapi.album;

import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog adapters that are switched on, by the {@code catalogRef.service} each serves. */
@Component
public class AlbumCatalogs {

    private final Map<String, AlbumCatalog> byService;

    /** Every adapter switched on; none at all is allowed (then no album can be added by its catalog reference). */
    public AlbumCatalogs(ObjectProvider<AlbumCatalog> catalogs) {
        this.byService = catalogs.orderedStream().collect(Collectors.toMap(AlbumCatalog::service, Function.identity(),
                (one, other) -> {
                    throw new IllegalStateException("two catalog adapters for " + one.service());
                }, TreeMap::new));
    }

    /** The adapter for the service; a service without one is the caller's mistake (400 on {@code catalogRef.service}). */
    public AlbumCatalog of(String service) {
        AlbumCatalog catalog = byService.get(service.toLowerCase(Locale.ROOT));
        if (catalog == null) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("catalogRef.service",
                    "no track listing can be fetched from '" + service + "'; supported: "
                            + (byService.isEmpty() ? "none" : String.join(", ", byService.keySet())))));
        }
        return catalog;
    }
}
