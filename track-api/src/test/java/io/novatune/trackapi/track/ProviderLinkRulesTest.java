package io.novatune.trackapi.track;

import io.novatune.platform.problem.InvalidRequestException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderLinkRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final ProviderLinkRules rules = new ProviderLinkRules(new ProviderLinkPolicy(Duration.ofDays(15),
            new ProviderLinkPolicy.Links(
                    Map.of("Mureka", List.of("cdn.mureka.example", "*.media.mureka.example"),
                            "local", List.of("127.0.0.1")),
                    List.of("127.0.0.1/32"), 2048)));

    @ParameterizedTest
    @ValueSource(strings = {
            "file:///etc/passwd",
            "ftp://cdn.suno.example/a.mp3",
            "javascript:alert(1)",
            "data:audio/mpeg;base64,AAAA",
            "gopher://cdn.suno.example/",
            "cdn.suno.example/a.mp3",
            "/relative/a.mp3",
            "http:///no-host.mp3",
            "https://user:secret@cdn.suno.example/a.mp3",
            "http://x/a b",
            "http://x/a\tb",
            "http://x/a\nb",
            " https://cdn.suno.example/a.mp3",
            "https://cdn.suno.example/a.mp3?sig=1#frag%",
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://127.0.0.2:8080/admin",
            "http://10.0.0.7/a.mp3",
            "http://192.168.1.1/a.mp3",
            "http://172.16.0.1/a.mp3",
            "http://0.0.0.0/a.mp3",
            "http://100.64.0.1/a.mp3",
            "http://224.0.0.1/a.mp3",
            "http://[::1]/a.mp3",
            "http://[fe80::1]/a.mp3",
            "http://[fd00::1]/a.mp3",
            "http://[::ffff:169.254.169.254]/a.mp3",
            "http://2130706433/a.mp3",
            "http://0x7f.1/a.mp3",
            "http://127.1/a.mp3",
            "http://0177.0.0.1/a.mp3",
            "http://my_host.internal/a.mp3"})
    void a_link_that_is_not_a_public_http_or_https_url_is_refused(String link) {
        assertThat(rules.problemOf("suno", link)).as(link).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://cdn.suno.example/audio/abc.mp3",
            "http://cdn.suno.example/audio/abc.mp3",
            "HTTPS://CDN.SUNO.EXAMPLE/a.mp3",
            "https://cdn.suno.example:8443/a.mp3?X-Amz-Signature=abc&X-Amz-Expires=3600",
            "https://cdn.suno.example/a%20b.mp3",
            "https://93.184.216.34/a.mp3",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/a.mp3",
            "https://1password.example/a.mp3"})
    void a_public_http_or_https_url_is_taken(String link) {
        assertThat(rules.problemOf("suno", link)).as(link).isNull();
    }

    @Test
    void a_link_longer_than_the_maximum_is_refused_whatever_it_is() {
        String link = "https://cdn.suno.example/" + "a".repeat(2048);

        assertThat(rules.problemOf("suno", link)).contains("at most 2048 characters");
    }

    @Test
    void a_provider_with_an_allow_list_may_link_only_to_its_hosts_whatever_the_case_of_its_name() {
        assertThat(rules.problemOf("mureka", "https://cdn.mureka.example/a.mp3")).isNull();
        assertThat(rules.problemOf("MUREKA", "https://eu.media.mureka.example/a.mp3")).isNull();
        assertThat(rules.problemOf("mureka", "https://cdn.mureka.example./a.mp3")).isNull();
        assertThat(rules.problemOf("mureka", "https://media.mureka.example/a.mp3")).contains("not on the allow-list");
        assertThat(rules.problemOf("mureka", "https://cdn.mureka.example.evil.example/a.mp3")).contains("not on the allow-list");
        assertThat(rules.problemOf("mureka", "https://cdn.suno.example/a.mp3")).contains("not on the allow-list");
    }

    @Test
    void an_internal_address_is_taken_only_inside_an_allowed_network() {
        assertThat(rules.problemOf("local", "http://127.0.0.1:18080/a.mp3")).isNull();
        assertThat(rules.problemOf("suno", "http://127.0.0.1:18080/a.mp3")).isNull();
        assertThat(rules.problemOf("suno", "http://127.0.0.2:18080/a.mp3")).contains("internal address (loopback)");
        assertThat(rules.problemOf("suno", "http://169.254.169.254/")).contains("internal address (link-local)");
    }

    @Test
    void a_refusal_never_repeats_the_links_query_string() {
        for (String link : List.of("https://user:pw@cdn.suno.example/a.mp3?sig=SECRET", "ftp://x/?sig=SECRET",
                "https://cdn.suno.example/a b?sig=SECRET", "https://cdn.suno.example/" + "a".repeat(2048) + "?sig=SECRET")) {
            assertThat(rules.problemOf("mureka", link)).doesNotContain("SECRET").doesNotContain("pw");
        }
    }

    @Test
    void every_field_is_named_and_an_expiry_in_the_past_or_now_is_refused() {
        List<FieldError> errors = rules.check(new ProviderLinks("suno", "file:///etc/passwd", "http://10.1.1.1/c.jpg",
                "http://x/a b", NOW), NOW, MAX_LIFETIME);

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("provider.audioUrl", "provider.coverUrl", "provider.videoUrl", "provider.expiresAt");
        assertThat(rules.check(new ProviderLinks("suno", "https://a.example/a.mp3", null, null, NOW.minusSeconds(1)),
                NOW, MAX_LIFETIME)).extracting(FieldError::field).containsExactly("provider.expiresAt");
    }

    @Test
    void an_expiry_between_now_and_the_maximum_lifetime_or_none_is_taken() {
        for (Instant expiresAt : new Instant[] {NOW.plusSeconds(1), NOW.plus(MAX_LIFETIME), null}) {
            assertThat(rules.check(new ProviderLinks("suno", "https://a.example/a.mp3", null, null, expiresAt),
                    NOW, MAX_LIFETIME)).as(String.valueOf(expiresAt)).isEmpty();
        }
        assertThat(rules.check(new ProviderLinks("suno", "https://a.example/a.mp3", null, null,
                NOW.plus(MAX_LIFETIME).plusMillis(1)), NOW, MAX_LIFETIME)).extracting(FieldError::message)
                .containsExactly("must be at most 30 days ahead");
    }
}
