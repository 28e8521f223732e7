package io.novatune.standin;

import io.novatune.archiver.provider.HostResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The tests' names ({@link TestNames}) in the archiver's context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestResolverConfig {

    @Bean
    @Primary
    HostResolver testNames() {
        return TestNames.resolver();
    }
}
