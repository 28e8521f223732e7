package io.novatune.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignInSettingsTest {

    @Test
    void the_local_sign_in_alone_needs_no_issuer() {
        assertThat(new SignInSettings(true, "", "", "openid", "").oidc()).isFalse();
    }

    @Test
    void an_issuer_with_its_client_id_turns_on_the_oidc_sign_in() {
        assertThat(new SignInSettings(false, "https://id.example.org/realms/novatune", "novatune-web", "openid", null).oidc())
                .isTrue();
    }

    @Test
    void an_issuer_without_a_client_id_is_refused_at_startup() {
        assertThatThrownBy(() -> new SignInSettings(false, "https://id.example.org", "", "openid", null))
                .hasMessageContaining("go together");
    }

    @Test
    void turning_the_local_sign_in_off_without_an_issuer_leaves_no_way_in_and_is_refused() {
        assertThatThrownBy(() -> new SignInSettings(false, null, null, "openid", null))
                .hasMessageContaining("no way to sign in");
    }
}
