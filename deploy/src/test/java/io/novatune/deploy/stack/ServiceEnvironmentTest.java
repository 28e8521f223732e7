package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceEnvironmentTest {

    @Test
    void the_endpoints_to_string_shows_where_the_servers_are_but_not_the_secret_key_or_the_password() {
        ServiceEnvironment.Endpoints endpoints = new ServiceEnvironment.Endpoints("kafka:9092", URI.create("http://s3:9000"),
                "access-key-id", "s3-secret-value", "eu-west-1", "postgres", 5432, "novatune", "db-password-value");

        assertThat(endpoints.toString())
                .contains("kafka:9092", "http://s3:9000", "access-key-id", "eu-west-1", "postgres", "5432", "novatune")
                .doesNotContain("s3-secret-value", "db-password-value");
    }
}
