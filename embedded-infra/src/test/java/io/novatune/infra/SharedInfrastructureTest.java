package io.novatune.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SharedInfrastructureTest {

    @Test
    void every_caller_in_the_jvm_gets_the_same_servers() {
        assertThat(SharedInfrastructure.postgres()).isSameAs(SharedInfrastructure.postgres());
        assertThat(SharedInfrastructure.kafka()).isSameAs(SharedInfrastructure.kafka());
        assertThat(SharedInfrastructure.s3()).isSameAs(SharedInfrastructure.s3());
    }
}
