package io.novatune.infra;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Boot re-initialises logging when an application starts, which drops the levels set by
 * {@link QuietServerLogs}. This adds them back as {@code logging.level.*} defaults with the lowest precedence,
 * so an application's own {@code logging.level} settings still win.
 */
public final class QuietServerLogsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        QuietServerLogs.LEVELS.forEach((logger, level) -> defaults.put("logging.level." + logger, level));
        environment.getPropertySources().addLast(new MapPropertySource("novatune-embedded-server-log-levels", defaults));
    }
}
