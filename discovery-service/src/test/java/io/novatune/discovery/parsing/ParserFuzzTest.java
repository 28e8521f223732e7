package io.novatune.discovery.parsing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ParserFuzzTest {

    private final TracklistParsers parsers = new TracklistParsers();

    @Property(tries = 500)
    void no_text_loses_a_line_every_non_blank_line_is_an_entry_or_unparsed(@ForAll("tracklistish") String content) {
        ParseResult result = parsers.parse(TracklistFormat.TEXT, content);

        String[] lines = content.split("\\r\\n|\\r|\\n", -1);
        Set<Integer> nonBlank = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                nonBlank.add(i + 1);
            }
        }
        Set<Integer> accounted = new HashSet<>();
        result.entries().forEach(entry -> accounted.add(entry.lineNumber()));
        result.unparsed().forEach(line -> accounted.add(line.lineNumber()));
        assertThat(accounted).isEqualTo(nonBlank);
        Set<Integer> both = result.entries().stream().map(ParsedEntry::lineNumber).collect(Collectors.toSet());
        both.retainAll(result.unparsed().stream().map(UnparsedLine::lineNumber).toList());
        assertThat(both).as("lines both parsed and unparsed").isEmpty();
    }

    @Property(tries = 300)
    void no_input_makes_any_parser_throw(@ForAll("tracklistish") String content, @ForAll TracklistFormat format) {
        assertThat(parsers.parse(format, content)).isNotNull();
    }

    @Provide
    Arbitrary<String> tracklistish() {
        Arbitrary<String> tokens = Arbitraries.of("1.", "01", "[01]", "1)", "[08:45]", "1:02:28", "(45:10)", " - ", " – ",
                " — ", "&", " vs. ", " vs ", " w/ ", "feat.", "(", ")", "[", "]", "Remix", "Dub", "ID", "Warp", "\n", "\r\n",
                " ", "TRACK 01 AUDIO", "TITLE \"", "PERFORMER ", "INDEX 01 00:00:00", "{", "}", "\"tracks\":[", "99:99:99",
                "Bicep", "Glue", "WAP105", "\t", "\u2028", "é", "😀");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(8);
        return Arbitraries.oneOf(tokens, tokens, tokens, noise).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
