package io.novatune.events.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.events.serde.EventDeserializer;
import io.novatune.events.serde.EventSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.ClassUtils;

/**
 * Default {@code spring.kafka.*} settings of every NovaTune service, as Boot properties so that each stays
 * visible and overridable: keys are UTF-8 strings, values are events in the wire format (read through
 * {@link ErrorHandlingDeserializer}, so a record that does not decode reaches the error handler instead of
 * failing the poll forever), and listener and template observation are on, so the {@code traceparent}
 * header continues the trace from the producer into the consumer.
 * <p>
 * Runs after the application's own configuration is loaded and only fills in what it does not set.
 */
public class EventKafkaDefaults implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "novatuneKafkaDefaults";

    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties." + ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                EventDeserializer.class.getName());
        defaults.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        defaults.put("spring.kafka.producer.value-serializer", EventSerializer.class.getName());
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        return Map.copyOf(defaults);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", application.getClassLoader())) {
            return;
        }
        Map<String, Object> missing = new LinkedHashMap<>();
        DEFAULTS.forEach((name, value) -> {
            if (!environment.containsProperty(name)) {
                missing.put(name, value);
            }
        });
        if (!missing.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, missing));
        }
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor: application.yml and profiles are known by then.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
