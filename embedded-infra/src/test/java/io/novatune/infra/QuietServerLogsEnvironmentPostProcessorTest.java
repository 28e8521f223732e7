package io.novatune.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuietServerLogsEnvironmentPostProcessorTest {

    @Test
    void spring_boot_finds_the_post_processor() {
        // Boot's own post processors need constructor arguments; skipping them is fine here.
        SpringFactoriesLoader.FailureHandler skipOthers = SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { });
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class, null, skipOthers))
                .hasAtLeastOneElementOfType(QuietServerLogsEnvironmentPostProcessor.class);
    }

    @Test
    void server_loggers_default_to_warn_and_the_application_settings_still_win() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of("logging.level.kafka", "DEBUG")));

        new QuietServerLogsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.level.kafka")).isEqualTo("DEBUG");
        assertThat(environment.getProperty("logging.level.org.apache.kafka.raft")).isEqualTo("WARN");
    }
}
