package io.novatune.ingestion.ledger;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.novatune.platform.inbox.ProcessedEventsRetention;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ISRC ledger in PostgreSQL (database {@code ingestion}). The unique ISRC decides which of any number of
 * concurrent or repeated adds is the one request; the row is also the request's outbox until Kafka
 * acknowledged it (ADR 0005).
 */
@Repository
public class IsrcLedger {

    private static final String CLAIM_ROW =
            "(?, 'REQUESTED', ?::uuid, ?, ?, ?, ?, ?, ?::bigint, ?, now(), now(), now(), 1)";
    private static final String ENTRY_COLUMNS = "isrc, state, first_track_id, first_user_id, title, artist, album,"
            + " duration_ms, requested_at, published_at, indexed_at, seen_count, first_seen_at, last_seen_at";
    private static final String REQUEST_COLUMNS = "isrc, request_event_id, first_track_id, first_user_id, title,"
            + " artist, album, duration_ms, requested_at, traceparent";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;

    public IsrcLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.namedJdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Records the add event and claims each ISRC for it, in one statement (so one round trip, atomic without
     * an explicit transaction) for all the ISRCs of the event: an album is one batch. A claim on a known ISRC
     * counts it as seen once more. Two events claiming the same ISRC at once are serialised by its unique
     * key: exactly one of them gets {@code NEW}. An event recorded before changes nothing.
     *
     * @param requests at least one, at most one per ISRC
     */
    public ClaimOutcome claim(String eventId, List<IngestionRequest> requests) {
        // Rows are locked in ISRC order, so two albums sharing tracks cannot deadlock each other.
        List<IngestionRequest> ordered = requests.stream().sorted(Comparator.comparing(IngestionRequest::isrc)).toList();
        String sql = "WITH inbox AS (INSERT INTO processed_events (event_id) VALUES (?) ON CONFLICT DO NOTHING RETURNING 1)"
                + " INSERT INTO isrc_ledger AS l (isrc, state, request_event_id, first_track_id, first_user_id,"
                + " title, artist, album, duration_ms, traceparent, requested_at, first_seen_at, last_seen_at, seen_count)"
                + " SELECT * FROM (VALUES " + String.join(", ", Collections.nCopies(ordered.size(), CLAIM_ROW)) + ") AS claim"
                + " WHERE EXISTS (SELECT 1 FROM inbox)"
                // DO UPDATE (not DO NOTHING) locks and returns the existing row even when a concurrent
                // transaction committed it after this statement began, so its state is always known.
                + " ON CONFLICT (isrc) DO UPDATE SET seen_count = l.seen_count + 1, last_seen_at = now()"
                + " RETURNING isrc, state, request_event_id";
        Map<String, UUID> ours = new HashMap<>();
        ordered.forEach(request -> ours.put(request.isrc(), request.eventId()));
        Map<String, ClaimOutcome.Claim> claims = new HashMap<>();
        jdbc.query(sql, statement -> {
            statement.setString(1, eventId);
            bindClaims(statement, 2, ordered);
        }, (ResultSet row) -> {
            String isrc = row.getString("isrc");
            // The row is ours exactly when it carries the request id this call generated.
            boolean inserted = ours.get(isrc).equals(row.getObject("request_event_id", UUID.class));
            claims.put(isrc, inserted ? ClaimOutcome.Claim.NEW
                    : LedgerState.valueOf(row.getString("state")) == LedgerState.INDEXED
                    ? ClaimOutcome.Claim.ALREADY_INDEXED : ClaimOutcome.Claim.ALREADY_REQUESTED);
        });
        // No row at all: the inbox already held the event, so nothing was inserted or counted.
        return claims.isEmpty() ? ClaimOutcome.duplicateEvent() : new ClaimOutcome(false, Map.copyOf(claims));
    }

    private static void bindClaims(PreparedStatement statement, int firstIndex, List<IngestionRequest> requests)
            throws SQLException {
        int index = firstIndex;
        for (IngestionRequest request : requests) {
            statement.setString(index++, request.isrc());
            statement.setObject(index++, request.eventId());
            statement.setString(index++, request.trackId());
            statement.setString(index++, request.userId());
            statement.setString(index++, request.title());
            statement.setString(index++, request.artist());
            statement.setString(index++, request.album());
            if (request.durationMs() == null) {
                statement.setNull(index++, Types.BIGINT);
            } else {
                statement.setLong(index++, request.durationMs());
            }
            statement.setString(index++, request.traceparent());
        }
    }

    /** The indexing worker reports the ISRC indexed; an ISRC it indexed without our request gets a row too. */
    public void markIndexed(String isrc, String trackId, Instant indexedAt) {
        jdbc.update("INSERT INTO isrc_ledger AS l (isrc, state, first_track_id, indexed_at, seen_count, first_seen_at,"
                        + " last_seen_at) VALUES (?, 'INDEXED', ?, ?, 0, now(), now())"
                        + " ON CONFLICT (isrc) DO UPDATE SET state = 'INDEXED',"
                        + " indexed_at = COALESCE(l.indexed_at, EXCLUDED.indexed_at)",
                isrc, trackId, OffsetDateTime.ofInstant(indexedAt, ZoneOffset.UTC));
    }

    /**
     * Locks up to {@code limit} requests Kafka has not acknowledged yet, oldest first, skipping rows another
     * relay holds. Call inside a transaction that ends with {@link #markPublished}.
     */
    public List<IngestionRequest> lockUnpublished(int limit) {
        return jdbc.query("SELECT " + REQUEST_COLUMNS + " FROM isrc_ledger"
                        + " WHERE state = 'REQUESTED' AND published_at IS NULL"
                        + " ORDER BY requested_at LIMIT ? FOR UPDATE SKIP LOCKED",
                (row, number) -> new IngestionRequest(row.getString("isrc"), row.getObject("request_event_id", UUID.class),
                        row.getString("first_track_id"), row.getString("first_user_id"), row.getString("title"),
                        row.getString("artist"), row.getString("album"), row.getObject("duration_ms", Long.class),
                        instant(row, "requested_at"), row.getString("traceparent")),
                limit);
    }

    public void markPublished(List<String> isrcs) {
        if (isrcs.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE isrc_ledger SET published_at = now() WHERE isrc = ANY (?)", statement -> {
            Array array = statement.getConnection().createArrayOf("text", isrcs.toArray());
            statement.setArray(1, array);
        });
    }

    public Optional<LedgerEntry> find(String isrc) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM isrc_ledger WHERE isrc = ?",
                (row, number) -> new LedgerEntry(row.getString("isrc"), LedgerState.valueOf(row.getString("state")),
                        row.getString("first_track_id"), row.getString("first_user_id"), row.getString("title"),
                        row.getString("artist"), row.getString("album"), row.getObject("duration_ms", Long.class),
                        instant(row, "requested_at"), instant(row, "published_at"), instant(row, "indexed_at"),
                        row.getLong("seen_count"), instant(row, "first_seen_at"), instant(row, "last_seen_at")),
                isrc).stream().findFirst();
    }

    public LedgerStats stats() {
        return jdbc.queryForObject("SELECT count(*) AS isrcs,"
                        + " count(*) FILTER (WHERE state = 'REQUESTED') AS requested,"
                        + " count(*) FILTER (WHERE state = 'INDEXED') AS indexed,"
                        + " count(*) FILTER (WHERE state = 'REQUESTED' AND published_at IS NULL) AS awaiting,"
                        + " min(requested_at) FILTER (WHERE state = 'REQUESTED' AND published_at IS NULL) AS oldest,"
                        + " COALESCE(sum(seen_count), 0) AS seen FROM isrc_ledger",
                (row, number) -> new LedgerStats(row.getLong("isrcs"), row.getLong("requested"), row.getLong("indexed"),
                        row.getLong("awaiting"), instant(row, "oldest"), row.getLong("seen")));
    }

    /** Forgets add events processed before {@code cutoff}, in batches (platform's retention); answers how many. */
    public long forgetEventsProcessedBefore(Instant cutoff) {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return ProcessedEventsRetention.forgetInBatches(batch -> namedJdbc.update(ProcessedEventsRetention.FORGET_BATCH,
                new MapSqlParameterSource().addValue("cutoff", before).addValue("batch", batch)));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
