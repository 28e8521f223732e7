package io.novatune.discovery.tracklist;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.parsing.Credits;
import io.novatune.discovery.parsing.ParseResult;
import io.novatune.discovery.parsing.ParsedEntry;
import io.novatune.discovery.parsing.TracklistFormat;
import io.novatune.discovery.parsing.TracklistParsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tracklists use cases: import (parse or hand-entered), read, list, correct, delete, export. */
@Service
public class Tracklists {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern CURSOR = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final Instant EARLIEST_PLAYED_AT = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST_PLAYED_AT = Instant.parse("9999-12-31T23:59:59Z");

    private final TracklistStore store;
    private final TracklistLimits limits;
    private final Clock clock;
    private final TracklistParsers parsers = new TracklistParsers();
    private final MeterRegistry meters;

    public Tracklists(TracklistStore store, TracklistLimits limits, Optional<Clock> clock, MeterRegistry meters) {
        this.store = store;
        this.limits = limits;
        this.clock = clock.orElse(Clock.systemUTC());
        this.meters = meters;
    }

    public Mono<Tracklist> create(String userId, CreateTracklistRequest request) {
        return Mono.defer(() -> {
            rejectControlCharacters(request);
            ParseResult parsed = parse(request);
            if (parsed.entries().size() > limits.maxEntries()) {
                throw new InvalidRequestException(request.entries() != null ? "entries" : "content",
                        "a tracklist has at most " + limits.maxEntries() + " entries, this one has " + parsed.entries().size());
            }
            Instant now = clock.instant();
            String title = request.title();
            String djName = request.djName() != null ? request.djName() : parsed.mixPerformer();
            TracklistSource source = request.source();
            String format = request.entries() != null ? "MANUAL" : request.format().name();
            var header = new TracklistStore.Header(UlidCreator.getMonotonicUlid().toString(), userId, title, djName,
                    request.playedAt(), source == null ? null : source.type().name(), source == null ? null : source.url(),
                    format, now, now);
            return store.insert(header, parsed.entries(), parsed.unparsed())
                    .doOnSuccess(done -> countImport(format, parsed))
                    .then(get(userId, header.id()));
        });
    }

    /** {@code tracklist_imports_total}, {@code tracklist_entries_parsed_total}, {@code tracklist_lines_unparsed_total} by format. */
    private void countImport(String format, ParseResult parsed) {
        meters.counter("tracklist.imports", "format", format).increment();
        meters.counter("tracklist.entries.parsed", "format", format).increment(parsed.entries().size());
        meters.counter("tracklist.lines.unparsed", "format", format).increment(parsed.unparsed().size());
    }

    private ParseResult parse(CreateTracklistRequest request) {
        boolean hasContent = request.content() != null;
        boolean hasEntries = request.entries() != null;
        if (hasContent == hasEntries) {
            throw new InvalidRequestException("content", "give either content (with format) or entries");
        }
        if (hasEntries) {
            List<ParsedEntry> entries = new ArrayList<>();
            int position = 0;
            for (int i = 0; i < request.entries().size(); i++) {
                EntryInput input = request.entries().get(i);
                if (input == null || (blank(input.artist()) && blank(input.title()))) {
                    throw new InvalidRequestException("entries[" + i + "]", "an entry needs an artist or a title");
                }
                position = input.position() != null ? input.position() : position + 1;
                entries.add(new ParsedEntry(0, position, input.artist(), Credits.split(input.artist()), input.title(),
                        input.remix(), input.label(), input.catalogNumber(), cueTime(input.cueTime(), "entries[" + i + "].cueTime"),
                        blank(input.artist()) || blank(input.title())));
            }
            return new ParseResult(entries, List.of(), null, null);
        }
        if (request.format() == null) {
            throw new InvalidRequestException("format", "must be one of TEXT, CUE, JSON");
        }
        if (request.content().getBytes(StandardCharsets.UTF_8).length > limits.maxContentSize().toBytes()) {
            throw new TracklistTooLargeException(limits.maxContentSize().toBytes());
        }
        return parsers.parse(request.format(), request.content());
    }

    public Mono<Tracklist> get(String userId, String id) {
        return store.header(userId, id)
                .switchIfEmpty(Mono.error(() -> new TracklistNotFoundException("No tracklist " + id + ".")))
                .flatMap(header -> Mono.zip(store.entries(id), store.unparsed(id))
                        .map(parts -> new Tracklist(header.id(), header.title(), header.djName(), header.playedAt(),
                                header.sourceType() == null ? null
                                        : new TracklistSource(SourceType.valueOf(header.sourceType()), header.sourceUrl()),
                                header.format(), header.createdAt(), header.updatedAt(), parts.getT1(), parts.getT2())));
    }

    public Mono<TracklistPage> list(String userId, String cursor, String search, int limit) {
        if (limit < 1 || limit > 100) {
            return Mono.error(new InvalidRequestException("limit", "must be between 1 and 100"));
        }
        String afterId = null;
        if (cursor != null) {
            afterId = decodeCursor(cursor);
        }
        String query = search == null || search.isBlank() ? null : search.strip();
        if (query != null && (query.length() > 200 || CONTROL.matcher(query).find())) {
            return Mono.error(new InvalidRequestException("search", "at most 200 characters, no control characters"));
        }
        return store.page(userId, afterId, query, limit + 1).map(rows -> {
            boolean hasMore = rows.size() > limit;
            List<TracklistSummary> items = hasMore ? rows.subList(0, limit) : rows;
            String next = hasMore ? Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(items.get(items.size() - 1).id().getBytes(StandardCharsets.US_ASCII)) : null;
            return new TracklistPage(items, next, hasMore);
        });
    }

    private static String decodeCursor(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (CURSOR.matcher(id).matches()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidRequestException("cursor", "not a cursor this service gave out");
    }

    public Mono<Tracklist> update(String userId, String id, PatchTracklistRequest patch) {
        return Mono.defer(() -> {
            rejectControl("title", patch.title());
            rejectControl("djName", patch.djName());
            rejectControl("source.url", patch.source() == null ? null : patch.source().url());
            rejectImplausible(patch.playedAt());
            if (patch.title() != null && patch.title().isBlank()) {
                throw new InvalidRequestException("title", "must not be blank");
            }
            return store.update(userId, id, patch.title(), patch.djName(), patch.playedAt(), patch.source(), clock.instant());
        }).flatMap(found -> found ? get(userId, id) : Mono.error(new TracklistNotFoundException("No tracklist " + id + ".")));
    }

    public Mono<Tracklist> updateEntry(String userId, String id, int position, EntryInput input) {
        return Mono.defer(() -> {
            rejectControl("artist", input.artist());
            rejectControl("title", input.title());
            rejectControl("remix", input.remix());
            rejectControl("label", input.label());
            rejectControl("catalogNumber", input.catalogNumber());
            return store.updateEntry(userId, id, position, input, cueTime(input.cueTime(), "cueTime"), clock.instant());
        }).flatMap(found -> found ? get(userId, id)
                : Mono.error(new TracklistNotFoundException("No entry at position " + position + " in tracklist " + id + ".")));
    }

    public Mono<Void> delete(String userId, String id) {
        return store.delete(userId, id)
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new TracklistNotFoundException("No tracklist " + id + ".")));
    }

    public Mono<String> cueSheet(String userId, String id) {
        return get(userId, id).map(CueSheet::of);
    }

    private static Long cueTime(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return io.novatune.discovery.parsing.CueTimeText.millis(text)
                .orElseThrow(() -> new InvalidRequestException(field, "must be m:ss or h:mm:ss"));
    }

    private static void rejectControlCharacters(CreateTracklistRequest request) {
        rejectControl("title", request.title());
        rejectControl("djName", request.djName());
        rejectImplausible(request.playedAt());
        if (request.content() != null && request.content().indexOf('\0') >= 0) {
            throw new InvalidRequestException("content", "must not contain NUL characters");
        }
        if (request.source() != null) {
            rejectControl("source.url", request.source().url());
        }
        if (request.entries() != null) {
            for (int i = 0; i < request.entries().size(); i++) {
                EntryInput entry = request.entries().get(i);
                if (entry != null) {
                    for (String text : new String[] {entry.artist(), entry.title(), entry.remix(), entry.label(), entry.catalogNumber()}) {
                        rejectControl("entries[" + i + "]", text);
                    }
                }
            }
        }
    }

    /** A mix was played in the last century or this one; far beyond, PostgreSQL cannot even store the instant. */
    private static void rejectImplausible(Instant playedAt) {
        if (playedAt != null && (playedAt.isBefore(EARLIEST_PLAYED_AT) || playedAt.isAfter(LATEST_PLAYED_AT))) {
            throw new InvalidRequestException("playedAt", "must be between " + EARLIEST_PLAYED_AT + " and " + LATEST_PLAYED_AT);
        }
    }

    private static void rejectControl(String field, String value) {
        if (value != null && CONTROL.matcher(value).find()) {
            throw new InvalidRequestException(field, "must not contain control characters");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
