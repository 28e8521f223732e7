package io.novatune.discovery.exports;

import io.novatune.discovery.catalog.Catalog;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.novatune.discovery.catalog.CatalogFilter;
import io.novatune.discovery.wantlist.WantList;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Streamed exports of the user's want-list and catalog: rows go out as the database hands them over, so the size
 * of the export does not change the memory it takes. Each is an attachment named after what and when.
 */
@RestController
public class ExportController {

    static final List<String> WANT_LIST_COLUMNS = List.of("artist", "title", "version", "label", "isrc", "priority",
            "status", "notes", "purchaseDate", "addedAt", "trackId");
    static final List<String> CATALOG_COLUMNS = List.of("artist", "title", "version", "label", "catalogNumber", "genre",
            "isrc", "discoveryCount", "firstDiscovered", "lastSeen", "confidence", "method", "trackId");

    private final WantList wantList;
    private final Catalog catalog;

    public ExportController(WantList wantList, Catalog catalog) {
        this.wantList = wantList;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/want-list/export")
    @ApiResponse(responseCode = "200", description = "The export as an attachment (Content-Disposition with a filename)",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/json"), @Content(mediaType = "text/plain")})
    @ApiResponse(responseCode = "400", description = "Unknown format or invalid filter", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<Flux<DataBuffer>> wantList(@AuthenticationPrincipal Jwt user,
                                                     @RequestParam(defaultValue = "csv") String format) {
        ExportFormat as = ExportFormat.of(format);
        Flux<ExportRow> rows = wantList.all(user.getSubject()).map(entry -> new ExportRow(ExportWriter.cells(
                entry.artist(), entry.title(), entry.version(), entry.label(), entry.isrc(), entry.priority(), entry.status(),
                entry.notes(), entry.purchaseDate(), entry.addedAt(), entry.trackId()),
                entry.artist(), entry.title(), entry.version(), entry.label()));
        return attachment("want-list", as, ExportWriter.write(as, WANT_LIST_COLUMNS, rows));
    }

    @GetMapping("/api/v1/catalog/export")
    @ApiResponse(responseCode = "200", description = "The export as an attachment (Content-Disposition with a filename)",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/json"), @Content(mediaType = "text/plain")})
    @ApiResponse(responseCode = "400", description = "Unknown format or invalid filter", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<Flux<DataBuffer>> catalog(@AuthenticationPrincipal Jwt user,
                                                    @RequestParam(defaultValue = "csv") String format,
                                                    @RequestParam(required = false) Instant discoveredAfter,
                                                    @RequestParam(required = false) String genre) {
        ExportFormat as = ExportFormat.of(format);
        Flux<ExportRow> rows = catalog.export(user.getSubject(), new CatalogFilter(null, null, genre, null, discoveredAfter,
                        null, null))
                .map(track -> new ExportRow(ExportWriter.cells(track.artist(), track.title(), track.version(), track.label(),
                        track.catalogNumber(), track.genre(), track.isrc(), track.discoveryCount(), track.firstDiscovered(),
                        track.lastSeen(), track.confidence(), track.method(), track.id()),
                        track.artist(), track.title(), track.version(), track.label()));
        return attachment("catalog", as, ExportWriter.write(as, CATALOG_COLUMNS, rows));
    }

    private static ResponseEntity<Flux<DataBuffer>> attachment(String what, ExportFormat format, Flux<DataBuffer> body) {
        String filename = "novatune-" + what + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format.name();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(format.mediaType())
                .body(body);
    }
}
