package io.novatune.archiver.config;

import io.novatune.archiver.provider.HostResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The system resolver for provider hosts; tests declare a {@code @Primary} one to give names private addresses. */
@Configuration
public class ProviderConfig {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }
}
