package io.novatune.infra.standin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults a test scripted per album of a catalog stand-in: the next n requests about it answer the fault. */
final class ScriptedFaults {

    private record Scripted(CatalogFault fault, AtomicInteger remaining) {
    }

    private final Map<String, Scripted> byAlbum = new ConcurrentHashMap<>();

    void failNext(String albumId, int times, CatalogFault fault) {
        byAlbum.put(albumId, new Scripted(fault, new AtomicInteger(times)));
    }

    void recover(String albumId) {
        byAlbum.remove(albumId);
    }

    /** The fault this request about the album answers, if one is still due. */
    Optional<CatalogFault> due(String albumId) {
        Scripted scripted = byAlbum.get(albumId);
        return scripted == null || scripted.remaining().getAndDecrement() <= 0 ? Optional.empty() : Optional.of(scripted.fault());
    }
}
