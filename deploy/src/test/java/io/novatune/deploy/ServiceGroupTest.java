package io.novatune.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.novatune.events.Topics;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceGroupTest {

    private static final Pattern GROUP_ID = Pattern.compile("(?m)^\\s+group-id:\\s*(\\S+)\\s*$");

    @Test
    void each_service_is_named_with_the_group_id_its_application_yml_configures() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // tests run in the deploy module's directory
        for (ServiceGroup service : ServiceGroup.ALL) {
            String yaml = Files.readString(root.resolve(service.service()).resolve("src/main/resources/application.yml"));
            Matcher groupId = GROUP_ID.matcher(yaml);

            assertThat(groupId.find()).as("spring.kafka.consumer.group-id of " + service.service()).isTrue();
            assertThat(groupId.group(1)).as(service.service()).isEqualTo(service.groupId());
        }
    }

    @Test
    void the_services_are_the_stacks_services_and_consume_only_known_topics() {
        assertThat(ServiceGroup.ALL).extracting(ServiceGroup::service)
                .containsExactlyElementsOf(StackService.DEFAULTS.stream().map(StackService::module).toList());
        assertThat(ServiceGroup.ALL).flatExtracting(ServiceGroup::topics).isSubsetOf(Topics.all());
    }
}
