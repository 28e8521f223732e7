package io.novatune.discovery.exports;

import org.apache.commons.csv.CSVFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders rows as they arrive into chunks of 200, so an export holds one chunk in memory whatever its size. CSV is
 * Commons CSV's RFC 4180 quoting; a text cell that a spreadsheet would take for a formula (starting with =, +, -,
 * @, a tab or a carriage return) is prefixed with an apostrophe (OWASP's advice on CSV injection). JSON is one
 * array written element by element. TXT is one {@code Artist - Title (Version) [Label]} line per track.
 */
final class ExportWriter {

    private static final int CHUNK = 200;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ExportWriter() {
    }

    static Flux<DataBuffer> write(ExportFormat format, List<String> columns, Flux<ExportRow> rows) {
        return switch (format) {
            case csv -> Flux.concat(Flux.just(buffer(CSV.format(columns.toArray()) + "\r\n")),
                    rows.buffer(CHUNK).map(chunk -> {
                        StringBuilder text = new StringBuilder();
                        chunk.forEach(row -> text.append(CSV.format(row.cells().stream().map(ExportWriter::neutralised)
                                .toArray())).append("\r\n"));
                        return buffer(text.toString());
                    }));
            case txt -> rows.buffer(CHUNK).map(chunk -> {
                StringBuilder text = new StringBuilder();
                chunk.forEach(row -> text.append(line(row)).append('\n'));
                return buffer(text.toString());
            });
            case json -> Flux.concat(Flux.just(buffer("[")),
                    rows.buffer(CHUNK).index().map(chunk -> {
                        StringBuilder text = new StringBuilder();
                        for (int i = 0; i < chunk.getT2().size(); i++) {
                            if (chunk.getT1() > 0 || i > 0) {
                                text.append(',');
                            }
                            text.append(JSON.writeValueAsString(object(columns, chunk.getT2().get(i).cells())));
                        }
                        return buffer(text.toString());
                    }),
                    Flux.just(buffer("]")));
        };
    }

    /** {@code Artist - Title (Version) [Label]}, without the parts the track does not have; one line whatever it holds. */
    static String line(ExportRow row) {
        StringBuilder line = new StringBuilder().append(row.artist()).append(" - ").append(row.title());
        if (row.version() != null && !row.version().isBlank()) {
            line.append(" (").append(row.version()).append(')');
        }
        if (row.label() != null && !row.label().isBlank()) {
            line.append(" [").append(row.label()).append(']');
        }
        return line.toString().replaceAll("[\\r\\n]+", " ");
    }

    static Object neutralised(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }

    private static Map<String, Object> object(List<String> columns, List<Object> cells) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            object.put(columns.get(i), cells.get(i));
        }
        return object;
    }

    private static DataBuffer buffer(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? null : value instanceof Number ? value : value.toString());
        }
        return cells;
    }
}
