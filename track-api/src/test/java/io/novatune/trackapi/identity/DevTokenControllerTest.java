package io.novatune.trackapi.identity;

import io.novatune.platform.security.JwtSettings;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DevTokenControllerTest {

    @Test
    void the_local_token_endpoint_refuses_to_start_without_the_local_secret_as_beside_a_real_identity_provider() {
        assertThatThrownBy(() -> new DevTokenController(new JwtSettings(null, "novatune-api"),
                new DevTokenProperties(Duration.ofHours(12)), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("novatune.security.jwt.secret");
    }
}
