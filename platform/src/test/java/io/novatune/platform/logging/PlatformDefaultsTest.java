package io.novatune.platform.logging;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    static class AnyService {
    }

    @Test
    void every_service_logs_json_and_exposes_its_probes_and_metrics_unless_it_says_otherwise() {
        try (ConfigurableApplicationContext service = run()) {
            Environment environment = service.getEnvironment();
            assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
            assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
            assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        }
    }

    @Test
    void a_service_or_an_operator_overrides_any_default() {
        try (ConfigurableApplicationContext service = run("--management.tracing.sampling.probability=0.25",
                "--logging.level.org.apache.kafka=INFO")) {
            assertThat(service.getEnvironment().getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
            assertThat(service.getEnvironment().getProperty("logging.level.org.apache.kafka")).isEqualTo("INFO");
        }
    }

    private static ConfigurableApplicationContext run(String... arguments) {
        SpringApplication application = new SpringApplication(AnyService.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(arguments);
    }
}
