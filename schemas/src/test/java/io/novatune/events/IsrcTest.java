package io.novatune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsrcTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"usrc12345678", "US-RC1-23-45678", "ISRC USRC12345678", "USRC12345678", " us rc1 23 45678 ",
            "isrc:US-RC1-23-45678", "ISRC-US-RC1-23-45678", "US-RC1-23-45678\t"})
    void every_usual_spelling_parses_to_the_twelve_characters(String raw) {
        assertThat(Isrc.parse(raw)).contains(new Isrc("USRC12345678"));
        assertThat(raw).matches(Isrc.SPELLING);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"US-RC1-23-4567", "US-RC1-23-456789", "USRC1234567X", "1SRC12345678", "U$RC12345678",
            "ISRC", "ISRCUSRC1234567", "USRC12345678ISRC", "US_RC1_23_45678", "US\u0000RC12345678"})
    void anything_else_is_not_an_isrc_and_fails_the_spelling_rule(String raw) {
        assertThat(Isrc.parse(raw)).isEmpty();
        assertThat(raw).doesNotMatch(Isrc.SPELLING);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void nothing_at_all_is_no_isrc(String raw) {
        assertThat(Isrc.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"IS-RC1-23-45678", "ISRC12345678", "isrc12345678"})
    void an_icelandic_isrc_starting_with_ISRC_is_not_mistaken_for_the_prefix(String raw) {
        assertThat(Isrc.parse(raw)).contains(new Isrc("ISRC12345678"));
    }

    @Test
    void the_value_holds_only_the_twelve_characters() {
        assertThatThrownBy(() -> new Isrc("us-rc1-23-45678")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Isrc("USRC12345678")).hasToString("USRC12345678");
    }
}
