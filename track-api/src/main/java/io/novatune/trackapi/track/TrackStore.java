package io.novatune.trackapi.track;

import io.novatune.platform.storage.ObjectKeys;
import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.outbox.OutboxEvent;
import io.novatune.trackapi.quota.QuotaStore;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/** The {@code tracks} table. Every read on behalf of a user is scoped to its owner. */
@Repository
public class TrackStore {

    private final DatabaseClient db;

    public TrackStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Admits a new track against the library's limit ({@link QuotaStore#ADMIT_TRACKS}), inserts it and appends its
     * event, in one statement: all or nothing without a transaction, one round trip instead of six. Empty when the
     * library is full.
     */
    public Mono<Track> insertAdmitted(Track track, long trackLimit, OutboxEvent event) {
        DatabaseClient.GenericExecuteSpec statement = withColumnsOf(track, (names, values) ->
                "WITH admitted AS (" + QuotaStore.ADMIT_TRACKS + "), "
                        + "added AS (INSERT INTO tracks (" + names + ") SELECT " + values + " FROM admitted RETURNING id), "
                        + "appended AS (" + Outbox.insertFor("added") + ") "
                        + "SELECT id FROM added");
        return Outbox.bind(statement, event)
                .bind("userId", track.userId())
                .bind("added", 1)
                .bind("limit", trackLimit)
                .map(row -> track)
                .one();
    }

    public Mono<Track> insert(Track track) {
        return withColumnsOf(track, (names, values) -> "INSERT INTO tracks (" + names + ") VALUES (" + values + ")")
                .then().thenReturn(track);
    }

    /** The statement {@code sql} makes of the column names and their parameters, with the track's values bound. */
    private DatabaseClient.GenericExecuteSpec withColumnsOf(Track track, BinaryOperator<String> sql) {
        Map<String, Parameter> columns = columnsOf(track);
        DatabaseClient.GenericExecuteSpec statement = db.sql(sql.apply(String.join(", ", columns.keySet()),
                ":" + String.join(", :", columns.keySet())));
        for (Map.Entry<String, Parameter> column : columns.entrySet()) {
            statement = statement.bind(column.getKey(), column.getValue());
        }
        return statement;
    }

    public Mono<Track> findOwned(String userId, String trackId) {
        return db.sql("SELECT * FROM tracks WHERE id = :id AND user_id = :userId")
                .bind("id", trackId)
                .bind("userId", userId)
                .map(TrackStore::toTrack)
                .one();
    }

    public Mono<Track> findById(String trackId) {
        return db.sql("SELECT * FROM tracks WHERE id = :id")
                .bind("id", trackId)
                .map(TrackStore::toTrack)
                .one();
    }

    /**
     * Which of these object keys some track still owns (in any status: a deleted track's objects
     * stay until it is purged). Each key names its track ({@link ObjectKeys#trackIdOf}), so the check is one
     * primary-key lookup per key; a key outside the layout is reported as owned, so nothing unknown is deleted.
     */
    public Flux<String> referencedKeys(Collection<String> keys) {
        List<String> named = new ArrayList<>();
        List<String> tracksNamed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            ObjectKeys.trackIdOf(key).ifPresentOrElse(track -> {
                named.add(key);
                tracksNamed.add(track);
            }, () -> unknown.add(key));
        }
        Flux<String> owned = named.isEmpty() ? Flux.empty() : db.sql("""
                        SELECT k.key FROM unnest(:keys::varchar[], :tracks::varchar[]) AS k(key, track_id)
                          JOIN tracks t ON t.id = k.track_id
                         WHERE k.key IN (t.audio_object_key, t.waveform_object_key,
                                         t.archived_audio_key, t.archived_cover_key, t.archived_video_key)
                        """)
                .bind("keys", named.toArray(String[]::new))
                .bind("tracks", tracksNamed.toArray(String[]::new))
                .map(row -> row.get("key", String.class))
                .all();
        return Flux.fromIterable(unknown).concatWith(owned);
    }

    /**
     * Applies a metadata patch to a visible track, bumping its version; with an expected version,
     * only if it is still current. Empty when no row qualified.
     */
    public Mono<Track> updateMetadata(UpdateMetadata command, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE tracks SET version = version + 1, updated_at = :now");
        command.changes().keySet().forEach(field ->
                sql.append(", ").append(field.column()).append(" = :").append(field.name()));
        sql.append(" WHERE id = :id AND user_id = :userId AND status IN ").append(TrackStatus.VISIBLE_SQL);
        if (command.expectedVersion() != null) {
            sql.append(" AND version = :expectedVersion");
        }
        sql.append(" RETURNING *");
        DatabaseClient.GenericExecuteSpec update = db.sql(sql.toString())
                .bind("now", now)
                .bind("id", command.trackId())
                .bind("userId", command.userId());
        for (Map.Entry<MetadataField, Object> change : command.changes().entrySet()) {
            update = update.bind(change.getKey().name(),
                    Parameter.fromOrEmpty(change.getValue(), change.getKey().type()));
        }
        if (command.expectedVersion() != null) {
            update = update.bind("expectedVersion", command.expectedVersion());
        }
        return update.map(TrackStore::toTrack).one();
    }

    /** The row as the database has it; column names are the parameter names. */
    private static Map<String, Parameter> columnsOf(Track track) {
        Map<String, Parameter> columns = new LinkedHashMap<>();
        TrackMetadata metadata = track.metadata();
        columns.put("id", value(track.id()));
        columns.put("user_id", value(track.userId()));
        columns.put("title", value(metadata.title()));
        columns.put("artist", value(metadata.artist()));
        columns.put("album", value(metadata.album()));
        columns.put("isrc", value(metadata.isrc()));
        columns.put("genre", value(metadata.genre()));
        columns.put("bpm", Parameter.fromOrEmpty(metadata.bpm(), BigDecimal.class));
        columns.put("musical_key", value(metadata.musicalKey()));
        columns.put("duration_ms", Parameter.fromOrEmpty(metadata.durationMs(), Long.class));
        columns.put("status", value(track.status().name()));
        columns.put("source", value(track.source().name()));
        CatalogRef catalog = track.catalogRef();
        columns.put("catalog_service", value(catalog == null ? null : catalog.service()));
        columns.put("catalog_id", value(catalog == null ? null : catalog.id()));
        StoredAudio audio = track.audio();
        columns.put("audio_object_key", value(audio == null ? null : audio.objectKey()));
        columns.put("waveform_object_key", value(audio == null ? null : audio.waveformKey()));
        columns.put("audio_content_type", value(audio == null ? null : audio.contentType()));
        columns.put("file_size_bytes", Parameter.from(track.fileSizeBytes()));
        ProviderLinks provider = track.provider();
        columns.put("provider_name", value(provider == null ? null : provider.name()));
        columns.put("provider_audio_url", value(provider == null ? null : provider.audioUrl()));
        columns.put("provider_cover_url", value(provider == null ? null : provider.coverUrl()));
        columns.put("provider_video_url", value(provider == null ? null : provider.videoUrl()));
        columns.put("provider_expires_at", instant(provider == null ? null : provider.expiresAt()));
        ArchiveState archive = track.archive();
        columns.put("archive_due_at", instant(archive == null ? null : archive.dueAt()));
        columns.put("created_at", instant(track.createdAt()));
        columns.put("updated_at", instant(track.updatedAt()));
        columns.put("version", Parameter.from(track.version()));
        return columns;
    }

    /** Maps a {@code SELECT *} row of {@code tracks}; other stores of the service reuse it. */
    public static Track toTrack(Readable row) {
        String catalogService = row.get("catalog_service", String.class);
        String audioKey = row.get("audio_object_key", String.class);
        String providerName = row.get("provider_name", String.class);
        Instant archiveDueAt = row.get("archive_due_at", Instant.class);
        Instant archivedAt = row.get("archived_at", Instant.class);
        Instant deletedAt = row.get("deleted_at", Instant.class);
        String statusBefore = row.get("status_before_deletion", String.class);
        return new Track(
                row.get("id", String.class),
                row.get("user_id", String.class),
                new TrackMetadata(
                        row.get("title", String.class),
                        row.get("artist", String.class),
                        row.get("album", String.class),
                        row.get("isrc", String.class),
                        row.get("genre", String.class),
                        row.get("bpm", BigDecimal.class),
                        row.get("musical_key", String.class),
                        row.get("duration_ms", Long.class)),
                TrackStatus.valueOf(row.get("status", String.class)),
                TrackSource.valueOf(row.get("source", String.class)),
                catalogService == null ? null : new CatalogRef(catalogService, row.get("catalog_id", String.class)),
                audioKey == null ? null : new StoredAudio(audioKey, row.get("waveform_object_key", String.class),
                        row.get("file_size_bytes", Long.class), row.get("audio_content_type", String.class)),
                providerName == null ? null : new ProviderLinks(providerName,
                        row.get("provider_audio_url", String.class), row.get("provider_cover_url", String.class),
                        row.get("provider_video_url", String.class), row.get("provider_expires_at", Instant.class)),
                // A provider track keeps its archive state after the timer stopped (attempts, last error).
                providerName == null && archiveDueAt == null && archivedAt == null ? null : new ArchiveState(archiveDueAt, archivedAt,
                        row.get("archived_audio_key", String.class), row.get("archived_cover_key", String.class),
                        row.get("archived_video_key", String.class), row.get("archive_attempts", Integer.class),
                        row.get("last_archive_error", String.class)),
                deletedAt == null ? null : new Deletion(deletedAt, row.get("scheduled_deletion_at", Instant.class),
                        statusBefore == null ? null : TrackStatus.valueOf(statusBefore),
                        row.get("purge_requested_at", Instant.class), row.get("purge_attempts", Integer.class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("version", Long.class));
    }

    private static Parameter value(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static Parameter instant(Instant value) {
        return Parameter.fromOrEmpty(value, Instant.class);
    }
}
