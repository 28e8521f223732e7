package io.novatune.events.kafka;

import java.time.Duration;
import org.springframework.util.backoff.BackOffExecution;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.novatune.events.EventSamples;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.serde.EventDecodingException;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.events.serde.EventSerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** The wiring without a broker; ingestion-scheduler's poison-record test proves it against a real one. */
class EventKafkaAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventKafkaAutoConfiguration.class));

    @Test
    void a_service_gets_an_error_handler_that_dead_letters_and_never_retries_what_cannot_succeed() {
        context.run(app -> {
            assertThat(app).hasSingleBean(CommonErrorHandler.class).hasSingleBean(EventDeadLetterPublisher.class);
            DefaultErrorHandler handler = app.getBean(DefaultErrorHandler.class);
            // removeClassification answers the previous rule: FALSE = not retryable.
            assertThat(handler.removeClassification(DeserializationException.class)).isFalse();
            assertThat(handler.removeClassification(EventDecodingException.class)).isFalse();
            assertThat(handler.removeClassification(UnprocessableEventException.class)).isFalse();
            assertThat(handler.removeClassification(IllegalStateException.class)).isNull();
        });
    }

    @Test
    void by_default_a_failing_record_is_retried_for_longer_than_a_database_failover_before_it_is_dead_lettered() {
        context.run(app -> {
            BackOffExecution waits = EventKafkaAutoConfiguration.backOff(app.getBean(EventKafkaProperties.class).retry()).start();
            long total = 0;
            for (long wait = waits.nextBackOff(); wait != BackOffExecution.STOP; wait = waits.nextBackOff()) {
                total += wait;
            }
            assertThat(Duration.ofMillis(total)).isGreaterThanOrEqualTo(Duration.ofSeconds(60))
                    // and short enough that a record that keeps failing still reaches the DLT within minutes
                    .isLessThan(Duration.ofMinutes(5));
        });
    }

    @Test
    void retries_are_configurable() {
        context.withPropertyValues("novatune.kafka.retry.max-retries=7", "novatune.kafka.retry.initial-interval=2s")
                .run(app -> {
                    EventKafkaProperties.Retry retry = app.getBean(EventKafkaProperties.class).retry();
                    assertThat(retry.maxRetries()).isEqualTo(7);
                    assertThat(retry.initialInterval()).hasSeconds(2);
                    assertThat(retry.multiplier()).isEqualTo(2.0);
                });
    }

    @Test
    void a_service_with_its_own_error_handler_keeps_it() {
        context.withBean("custom", CommonErrorHandler.class, () -> new DefaultErrorHandler())
                .run(app -> assertThat(app.getBeansOfType(CommonErrorHandler.class)).containsOnlyKeys("custom"));
    }

    @Test
    void the_dead_letter_producer_writes_raw_bytes_as_they_were_and_events_in_the_wire_format() {
        TrackAdded event = EventSamples.sample(TrackAdded.class);
        byte[] garbage = "not an event".getBytes(StandardCharsets.UTF_8);
        var values = EventDeadLetterPublisher.valueSerializer();
        var keys = EventDeadLetterPublisher.keySerializer();

        assertThat(values.serialize(Topics.TRACK_ADDED, new RecordHeaders(), garbage)).isEqualTo(garbage);
        assertThat(EventDeserializer.decode(values.serialize(Topics.TRACK_ADDED, new RecordHeaders(), event))).isEqualTo(event);
        assertThat(values.serialize(Topics.TRACK_ADDED, new RecordHeaders(), null)).isNull();
        assertThat(keys.serialize(Topics.TRACK_ADDED, new RecordHeaders(), "track-1")).asString(StandardCharsets.UTF_8).isEqualTo("track-1");
        assertThat(keys.serialize(Topics.TRACK_ADDED, new RecordHeaders(), null)).isNull();
    }

    @Test
    void consumers_read_events_through_the_error_handling_deserializer_and_templates_are_observed() {
        StandardEnvironment environment = new StandardEnvironment();

        new EventKafkaDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.consumer.key-deserializer")).isEqualTo(StringDeserializer.class.getName());
        assertThat(environment.getProperty("spring.kafka.consumer.value-deserializer")).isEqualTo(ErrorHandlingDeserializer.class.getName());
        assertThat(environment.getProperty("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class"))
                .isEqualTo(EventDeserializer.class.getName());
        assertThat(environment.getProperty("spring.kafka.producer.value-serializer")).isEqualTo(EventSerializer.class.getName());
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
    }

    @Test
    void a_service_setting_a_kafka_property_itself_keeps_its_value() {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "spring.kafka.listener.observation-enabled=false");

        new EventKafkaDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("false");
        assertThat(environment.getPropertySources().get(EventKafkaDefaults.PROPERTY_SOURCE_NAME).getSource())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .doesNotContainKey("spring.kafka.listener.observation-enabled");
    }
}
