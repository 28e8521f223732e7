package io.novatune.ingestion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsrcNormaliserTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"usrc12345678", "US-RC1-23-45678", "ISRC USRC12345678", "USRC12345678", " us rc1 23 45678 ",
            "isrc:US-RC1-23-45678", "ISRC-US-RC1-23-45678", "US-RC1-23-45678\t"})
    void every_usual_spelling_normalises_to_the_twelve_characters(String raw) {
        assertThat(IsrcNormaliser.normalise(raw)).isEqualTo(new IsrcNormaliser.Valid("USRC12345678"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"US-RC1-23-4567", "US-RC1-23-456789", "USRC1234567X", "1SRC12345678", "U$RC12345678",
            "ISRC", "ISRCUSRC1234567", "USRC12345678ISRC", "US_RC1_23_45678"})
    void anything_else_is_invalid_and_kept_as_it_came(String raw) {
        assertThat(IsrcNormaliser.normalise(raw)).isEqualTo(new IsrcNormaliser.Invalid(raw));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void nothing_at_all_is_missing(String raw) {
        assertThat(IsrcNormaliser.normalise(raw)).isEqualTo(new IsrcNormaliser.Missing());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"IS-RC1-23-45678", "ISRC12345678", "isrc12345678"})
    void an_icelandic_isrc_starting_with_ISRC_is_not_mistaken_for_the_prefix(String raw) {
        assertThat(IsrcNormaliser.normalise(raw)).isEqualTo(new IsrcNormaliser.Valid("ISRC12345678"));
    }
}
