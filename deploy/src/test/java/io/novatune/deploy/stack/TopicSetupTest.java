package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import io.novatune.events.Topics;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TopicSetupTest {

    @Test
    void every_event_topic_and_its_dead_letter_topic_exist_with_three_partitions_even_when_created_twice() throws Exception {
        KafkaServer kafka = SharedInfrastructure.kafka();

        TopicSetup.createAll(kafka);
        TopicSetup.createAll(kafka);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Set.copyOf(TopicSetup.topicsWithDeadLetters())).allTopicNames().get();
            assertThat(topics).hasSize(2 * Topics.all().size()).containsKeys("track-added", "track-added.DLT", "track-indexed.DLT");
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }
}
