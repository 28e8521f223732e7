package io.novatune.ingestion.ledger;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.novatune.platform.inbox.ProcessedEventsRetention;
import org.springframework.dao.PessimisticLockingFailureException;
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

    /**
     * The inbox insert decides which events are new; only their claims reach the ledger, one row per ISRC (the
     * batch's first claim of it, counting all of them). Rows are inserted, so locked, in ISRC order and event
     * ids in their order, so two batches sharing ISRCs (replicas, a replay beside new adds) cannot deadlock.
     * The answer: one row per new event id, then one per ISRC claimed with its state and request id.
     */
    private static final String CLAIM_BATCH = "WITH claim AS (SELECT * FROM unnest(?::int[], ?::text[], ?::text[],"
            + " ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[])"
            + " AS c (ord, event_id, isrc, request_event_id, first_track_id, first_user_id, title, artist, album,"
            + " duration_ms, traceparent)),"
            + " inbox AS (INSERT INTO processed_events (event_id) SELECT DISTINCT event_id FROM claim ORDER BY event_id"
            + " ON CONFLICT DO NOTHING RETURNING event_id),"
            + " first_claim AS (SELECT DISTINCT ON (c.isrc) c.*, count(*) OVER (PARTITION BY c.isrc) AS claims"
            + " FROM claim c JOIN inbox USING (event_id) ORDER BY c.isrc, c.ord),"
            + " ledger AS (INSERT INTO isrc_ledger AS l (isrc, state, request_event_id, first_track_id, first_user_id,"
            + " title, artist, album, duration_ms, traceparent, requested_at, first_seen_at, last_seen_at, seen_count)"
            + " SELECT isrc, 'REQUESTED', request_event_id, first_track_id, first_user_id, title, artist, album,"
            + " duration_ms, traceparent, now(), now(), now(), claims FROM first_claim ORDER BY isrc"
            // DO UPDATE (not DO NOTHING) locks and returns the existing row even when a concurrent
            // transaction committed it after this statement began, so its state is always known.
            + " ON CONFLICT (isrc) DO UPDATE SET seen_count = l.seen_count + EXCLUDED.seen_count, last_seen_at = now()"
            + " RETURNING isrc, state, request_event_id)"
            + " SELECT event_id, NULL AS isrc, NULL AS state, NULL::uuid AS request_event_id FROM inbox"
            + " UNION ALL SELECT NULL, isrc, state, request_event_id FROM ledger";
    private static final int CLAIM_ATTEMPTS = 3;
    /** The advisory lock of the relay's turn: one relay at a time over the ledger, across replicas. */
    private static final long RELAY_LOCK = 0x1_5EC_0005L;
    private static final String[] CLAIM_COLUMN_TYPES =
            {"int4", "text", "text", "uuid", "text", "text", "text", "text", "text", "int8", "text"};
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
     * Records the add events of one poll and claims each of their ISRCs, in one statement (one round trip, one
     * commit, atomic without an explicit transaction). A claim on a known ISRC counts it as seen once more per
     * event. Several events of the batch claiming the same ISRC count as that many sightings, and the first of
     * them (in batch order) is the one request, as if they had come one by one. Two batches claiming the same
     * ISRC at once are serialised by its unique key: exactly one of them gets {@code NEW}. An event recorded
     * before (or earlier in the same batch) changes nothing.
     *
     * @return one outcome per claim, in the same order
     */
    public List<ClaimOutcome> claim(List<EventClaim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return claimOnce(claims);
            } catch (PessimisticLockingFailureException deadlockVictim) {
                // Rolled back, nothing changed: another go, rather than the caller's fail-open for a ledger
                // that cannot answer. Claims and the relay lock in ISRC order, so this is not expected to repeat.
                if (attempt == CLAIM_ATTEMPTS) {
                    throw deadlockVictim;
                }
            }
        }
    }

    private List<ClaimOutcome> claimOnce(List<EventClaim> claims) {
        // A second copy of an event in the batch is not bound at all: it must not count as a sighting.
        Map<String, EventClaim> firstCopies = new LinkedHashMap<>();
        claims.forEach(claim -> firstCopies.putIfAbsent(claim.eventId(), claim));
        List<EventClaim> bound = List.copyOf(firstCopies.values());
        Set<String> newEvents = new HashSet<>();
        Map<String, ClaimedRow> rows = new HashMap<>();
        jdbc.query(CLAIM_BATCH, statement -> bindColumns(statement, bound), (ResultSet row) -> {
            String eventId = row.getString("event_id");
            if (eventId != null) {
                newEvents.add(eventId);
            } else {
                rows.put(row.getString("isrc"), new ClaimedRow(LedgerState.valueOf(row.getString("state")),
                        row.getObject("request_event_id", UUID.class)));
            }
        });
        List<ClaimOutcome> outcomes = new ArrayList<>(claims.size());
        for (EventClaim claim : claims) {
            // remove: a second copy of an event in the same batch is a duplicate, as its re-delivery would be.
            if (!newEvents.remove(claim.eventId())) {
                outcomes.add(ClaimOutcome.duplicateEvent());
                continue;
            }
            Map<String, ClaimOutcome.Claim> byIsrc = new HashMap<>();
            for (IngestionRequest request : claim.requests()) {
                ClaimedRow row = rows.get(request.isrc());
                // The row is ours exactly when it carries the request id this claim generated.
                byIsrc.put(request.isrc(), request.eventId().equals(row.requestEventId()) ? ClaimOutcome.Claim.NEW
                        : row.state() == LedgerState.INDEXED ? ClaimOutcome.Claim.ALREADY_INDEXED
                        : ClaimOutcome.Claim.ALREADY_REQUESTED);
            }
            outcomes.add(new ClaimOutcome(false, Map.copyOf(byIsrc)));
        }
        return outcomes;
    }

    /** The ledger row of one ISRC after the claim statement. */
    private record ClaimedRow(LedgerState state, UUID requestEventId) {
    }

    /** The claims as one array per column of {@link #CLAIM_BATCH}'s {@code unnest}, one element per ISRC claimed. */
    private static void bindColumns(PreparedStatement statement, List<EventClaim> claims) throws SQLException {
        int size = claims.stream().mapToInt(claim -> claim.requests().size()).sum();
        Object[][] columns = {new Integer[size], new String[size], new String[size], new UUID[size], new String[size],
                new String[size], new String[size], new String[size], new String[size], new Long[size], new String[size]};
        int row = 0;
        for (EventClaim claim : claims) {
            for (IngestionRequest request : claim.requests()) {
                columns[0][row] = row;
                columns[1][row] = claim.eventId();
                columns[2][row] = request.isrc();
                columns[3][row] = request.eventId();
                columns[4][row] = request.trackId();
                columns[5][row] = request.userId();
                columns[6][row] = request.title();
                columns[7][row] = request.artist();
                columns[8][row] = request.album();
                columns[9][row] = request.durationMs();
                columns[10][row] = request.traceparent();
                row++;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, statement.getConnection().createArrayOf(CLAIM_COLUMN_TYPES[i], columns[i]));
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
     * Takes the relay's turn for the current transaction, if no other relay (replica) has it: answers false when
     * one has. Held until the transaction ends, however it ends (a crashed relay's connection ends it too).
     */
    public boolean takeRelayTurn() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK));
    }

    /**
     * Up to {@code limit} requests Kafka has not acknowledged yet, oldest first. Call inside a transaction that
     * took the relay's turn and ends with {@link #markPublished}. The rows are not locked: a claim counting a
     * sighting, or the worker reporting an ISRC indexed, does not wait for the relay's round trip to Kafka.
     */
    public List<IngestionRequest> unpublished(int limit) {
        return jdbc.query("SELECT " + REQUEST_COLUMNS + " FROM isrc_ledger"
                        + " WHERE state = 'REQUESTED' AND published_at IS NULL"
                        + " ORDER BY requested_at LIMIT ?",
                (row, number) -> new IngestionRequest(row.getString("isrc"), row.getObject("request_event_id", UUID.class),
                        row.getString("first_track_id"), row.getString("first_user_id"), row.getString("title"),
                        row.getString("artist"), row.getString("album"), row.getObject("duration_ms", Long.class),
                        instant(row, "requested_at"), row.getString("traceparent")),
                limit);
    }

    /** Rows are locked in ISRC order, as the claims lock them, so the relay and a claim cannot deadlock. */
    public void markPublished(List<String> isrcs) {
        if (isrcs.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE isrc_ledger SET published_at = now() WHERE isrc IN"
                + " (SELECT isrc FROM isrc_ledger WHERE isrc = ANY (?) ORDER BY isrc FOR UPDATE)", statement -> {
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
