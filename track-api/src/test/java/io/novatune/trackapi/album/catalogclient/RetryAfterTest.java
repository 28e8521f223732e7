package io.novatune.trackapi.album.catalogclient;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RetryAfterTest {

    @Test
    void a_Retry_After_in_seconds_or_as_an_http_date_is_the_wait_and_anything_else_is_none() {
        assertThat(CatalogClient.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(CatalogClient.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        assertThat(CatalogClient.retryAfter(inTwoMinutes).toSeconds()).isCloseTo(120, within(3L));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(2));
        assertThat(CatalogClient.retryAfter(past)).isEqualTo(Duration.ZERO);
        assertThat(CatalogClient.retryAfter("soon")).isNull();
        assertThat(CatalogClient.retryAfter(null)).isNull();
    }
}
