package io.novatune.archiver.provider;

import io.novatune.infra.standin.ProviderStandIn;
import io.novatune.standin.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.novatune.infra.standin.ProviderStandIn.file;
import static io.novatune.infra.standin.ProviderStandIn.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetch on its own against the stand-in: every link that could make the archiver reach something internal is
 * refused, before connecting where the link alone tells, after resolution where the address does, and on every
 * redirect. Only 127.0.0.1 is allowed (the stand-in itself), as in the other tests.
 */
class HostileLinkTest {

    private static final String PROVIDER = "standin";

    private final ProviderStandIn standIn = ProviderStandIn.shared();
    private final SafeFetcher fetcher = fetcher(true);

    private static SafeFetcher fetcher(boolean allowPlainHttp) {
        ProviderProperties properties = new ProviderProperties(Map.of(PROVIDER, TestNames.allowListed(), "other", List.of("cdn.other.test")),
                allowPlainHttp, List.of("127.0.0.1/32"), Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
        return new SafeFetcher(properties, TestNames.resolver());
    }

    @Test
    void the_stand_in_itself_is_reachable_by_address_and_by_an_allowed_name() throws Exception {
        standIn.on("/hostile/ok", file("audio/mpeg", 1000, 1));

        for (String link : List.of(standIn.link("/hostile/ok"), standIn.link(TestNames.CDN, "/hostile/ok"))) {
            try (ProviderResponse response = fetcher.open(PROVIDER, link)) {
                assertThat(response.contentLength()).isEqualTo(1000);
                assertThat(response.body().readAllBytes()).hasSize(1000);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "file:///etc/passwd",
            "ftp://127.0.0.1/file",
            "gopher://127.0.0.1:70/_",
            "jar:http://127.0.0.1/a.jar!/b",
            "//127.0.0.1/relative",
            "http://x/a b",
            "http://user:password@127.0.0.1/file"})
    void links_that_are_not_plain_web_addresses_are_refused(String link) {
        assertRefused(fetcher, link, null);
    }

    @Test
    void plain_http_is_refused_unless_configuration_allows_it() {
        assertRefused(fetcher(false), standIn.link("/hostile/ok"), "scheme http is not allowed");
    }

    @Test
    void a_host_not_on_the_providers_allow_list_is_refused_and_so_is_an_unknown_provider() {
        assertRefused(fetcher, "http://evil.example/file", "host evil.example is not allowed for provider standin");
        assertRefused(fetcher, "http://cdn.other.test/file", "not allowed for provider standin");
        ProviderFailure unknown = refusal(fetcher, "nobody", standIn.link("/hostile/ok"));
        assertThat(unknown.getMessage()).contains("provider nobody has no allowed hosts");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.2/file|loopback",
            "http://[::1]/file|loopback",
            "http://169.254.169.254/latest/meta-data/|link-local",
            "http://[fe80::1]/file|link-local",
            "http://10.0.0.7/file|private",
            "http://[::ffff:10.0.0.1]/file|private",
            "http://224.0.0.1/file|multicast",
            "http://internal.standin.test/file|private",
            "http://metadata.standin.test/file|link-local",
            "http://ula.standin.test/file|unique-local",
            "http://mixed.standin.test/file|loopback"})
    void an_allow_listed_host_whose_address_is_internal_is_refused_after_resolution(String linkAndWhy) {
        String[] parts = linkAndWhy.split("\\|");
        assertRefused(fetcher, parts[0], "a " + parts[1]);
    }

    @Test
    void a_redirect_to_an_internal_address_is_refused() {
        standIn.on("/hostile/to-metadata", redirect(302, "http://metadata.standin.test/latest/meta-data/iam"));
        standIn.on("/hostile/to-private", redirect(307, "http://internal.standin.test:" + standIn.port() + "/file"));
        standIn.on("/hostile/to-loopback", redirect(301, "http://127.0.0.2:" + standIn.port() + "/file"));

        assertRefused(fetcher, standIn.link("/hostile/to-metadata"), "resolves to a link-local address");
        assertRefused(fetcher, standIn.link("/hostile/to-private"), "resolves to a private address");
        assertRefused(fetcher, standIn.link("/hostile/to-loopback"), "resolves to a loopback address");
    }

    @Test
    void a_redirect_to_a_host_off_the_allow_list_or_another_scheme_is_refused() {
        standIn.on("/hostile/to-elsewhere", redirect(302, "http://evil.example/file"));
        standIn.on("/hostile/to-file", redirect(302, "file:///etc/passwd"));

        assertRefused(fetcher, standIn.link("/hostile/to-elsewhere"), "host evil.example is not allowed");
        assertRefused(fetcher, standIn.link("/hostile/to-file"), "scheme file is not allowed");
    }

    @Test
    void three_redirects_are_followed_and_a_fourth_is_refused() throws Exception {
        standIn.on("/hostile/hop1", redirect(302, "/hostile/hop2"))
                .on("/hostile/hop2", redirect(301, standIn.link(TestNames.CDN, "/hostile/hop3")))
                .on("/hostile/hop3", redirect(308, "/hostile/end"))
                .on("/hostile/end", file("image/png", 10, 2))
                .on("/hostile/hop0", redirect(302, "/hostile/hop1"));

        try (ProviderResponse response = fetcher.open(PROVIDER, standIn.link("/hostile/hop1"))) {
            assertThat(response.contentType()).isEqualTo("image/png");
        }
        assertRefused(fetcher, standIn.link("/hostile/hop0"), "more than 3 redirects");
    }

    @Test
    void a_refusal_never_shows_the_links_query_string() {
        ProviderFailure refused = refusal(fetcher, PROVIDER, "http://evil.example/file?X-Amz-Signature=s3cr3t&token=t0k3n");

        assertThat(refused.getMessage()).doesNotContain("s3cr3t").doesNotContain("t0k3n");
    }

    private static void assertRefused(SafeFetcher fetcher, String link, String reason) {
        ProviderFailure failure = refusal(fetcher, PROVIDER, link);
        assertThat(failure.retryable()).as("retryable").isFalse();
        if (reason != null) {
            assertThat(failure.getMessage()).contains(reason);
        }
    }

    private static ProviderFailure refusal(SafeFetcher fetcher, String provider, String link) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> fetcher.open(provider, link).close());
        assertThat(thrown).as(link).isInstanceOf(ProviderFailure.class);
        return (ProviderFailure) thrown;
    }
}
