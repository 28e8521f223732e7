package io.novatune.discovery.parsing;

import java.util.List;

/** The entries of a tracklist and the lines that did not parse; a mix's own PERFORMER/TITLE when a CUE sheet names them. */
public record ParseResult(List<ParsedEntry> entries, List<UnparsedLine> unparsed, String mixPerformer, String mixTitle) {

    public ParseResult {
        entries = List.copyOf(entries);
        unparsed = List.copyOf(unparsed);
    }
}
