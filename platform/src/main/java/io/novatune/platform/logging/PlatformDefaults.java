package io.novatune.platform.logging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The logging and management settings every service shares (JSON logs, the actuator endpoints and probes, trace
 * sampling), from {@code io/novatune/platform/defaults.properties}. Added last, below everything else: a
 * service's own {@code application.yml}, a profile, an environment variable or a test overrides any of them.
 */
public final class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "novatune-platform-defaults";
    private static final ClassPathResource DEFAULTS = new ClassPathResource("io/novatune/platform/defaults.properties");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(SOURCE, DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS.getPath(), e);
        }
    }
}
