package io.novatune.deploy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.novatune.deploy.stack.StackService;
import io.novatune.events.Topics;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceGroupTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // tests run in the deploy module's directory
    // The topics attribute of a @KafkaListener: one value or an array of them.
    private static final Pattern LISTENER_TOPICS = Pattern.compile("@KafkaListener\\s*\\([^)]*?\\btopics\\s*=\\s*(\\{[^}]*}|[^,)]+)");
    private static final Pattern LISTENER = Pattern.compile("(?m)^\\s*@KafkaListener\\b");
    private static final Pattern TOPICS_CONSTANT = Pattern.compile("Topics\\.(\\w+)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]+)\"");

    @Test
    void each_service_is_named_with_the_group_id_its_application_yml_configures() throws IOException {
        for (ServiceGroup service : ServiceGroup.ALL) {
            String yaml = Files.readString(ROOT.resolve(service.service()).resolve("src/main/resources/application.yml"));

            assertThat(groupId(new Yaml().load(yaml))).as("spring.kafka.consumer.group-id of " + service.service())
                    .isEqualTo(service.groupId());
        }
    }

    @Test
    void each_service_with_listeners_allows_exactly_the_topics_its_kafka_listeners_name() {
        Set<String> checked = new TreeSet<>();
        for (ServiceGroup service : ServiceGroup.ALL) {
            Set<String> listened = listenerTopics(ROOT.resolve(service.service()).resolve("src/main/java"));
            if (!listened.isEmpty()) { // a service with no listener yet keeps architecture §3's topics
                assertThat(new TreeSet<>(service.topics())).as("the topics replay --service " + service.service() + " allows")
                        .isEqualTo(listened);
                checked.add(service.service());
            }
        }
        assertThat(checked).as("services whose listeners were found").contains("track-api", "lifecycle-worker", "ingestion-scheduler");
    }

    @Test
    void the_services_are_the_stacks_services_and_consume_only_known_topics() {
        assertThat(ServiceGroup.ALL).extracting(ServiceGroup::service)
                .containsExactlyElementsOf(StackService.DEFAULTS.stream().map(StackService::module).toList());
        assertThat(ServiceGroup.ALL).flatExtracting(ServiceGroup::topics).isSubsetOf(Topics.all());
    }

    @SuppressWarnings("unchecked")
    private static Object groupId(Map<String, Object> yaml) {
        Object node = yaml;
        for (String key : new String[] {"spring", "kafka", "consumer", "group-id"}) {
            node = node instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        return node;
    }

    /** The topics named by the @KafkaListener annotations of the sources under {@code sources}, constants resolved. */
    private static Set<String> listenerTopics(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(ServiceGroupTest::listenerTopicAttributes)
                    .flatMap(ServiceGroupTest::topicNames)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A listener naming its topics any other way (topicPattern, topicPartitions) must not pass unseen.
    private static Stream<String> listenerTopicAttributes(Path file) {
        String source = read(file);
        List<String> attributes = LISTENER_TOPICS.matcher(source).results().map(match -> match.group(1)).toList();
        assertThat(attributes).as("the topics = ... of each @KafkaListener in " + file).hasSize((int) LISTENER.matcher(source).results().count());
        return attributes.stream();
    }

    private static Stream<String> topicNames(String attribute) {
        Stream<String> constants = TOPICS_CONSTANT.matcher(attribute).results().map(match -> constant(match.group(1)));
        Stream<String> literals = STRING_LITERAL.matcher(attribute).results().map(match -> match.group(1));
        return Stream.concat(constants, literals);
    }

    private static String constant(String name) {
        try {
            return (String) Topics.class.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Topics." + name + " is not a constant of io.novatune.events.Topics; fields: "
                    + Arrays.stream(Topics.class.getFields()).map(Field::getName).toList(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
