package io.novatune.deploy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplayOptionsTest {

    @Test
    void a_service_name_stands_for_its_consumer_group_and_the_plan_is_a_dry_run_by_default() {
        ReplayOptions options = parse("--service", "lifecycle-worker", "--topic", "track-deleted", "--to-earliest");

        assertThat(options.group()).isEqualTo("lifecycle-worker");
        assertThat(options.service()).contains("lifecycle-worker");
        assertThat(options.target()).isEqualTo(new RewindTarget.Earliest());
        assertThat(options.partitions()).isEmpty();
        assertThat(options.execute()).isFalse();
        assertThat(options.kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void a_raw_group_id_an_offset_partitions_execute_and_bootstrap_are_taken_as_given() {
        ReplayOptions options = parse("--group", "lifecycle-worker-blue", "--topic", "track-deleted", "--to-offset", "42",
                "--partitions", "2,0,2", "--execute", "--bootstrap", "kafka:9092");

        assertThat(options.group()).isEqualTo("lifecycle-worker-blue");
        assertThat(options.service()).isEmpty();
        assertThat(options.consumers()).isEqualTo("every service consuming with group lifecycle-worker-blue");
        assertThat(options.target()).isEqualTo(new RewindTarget.Offset(42));
        assertThat(options.partitions()).containsExactly(0, 2);
        assertThat(options.execute()).isTrue();
        assertThat(options.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void a_datetime_needs_a_zone_and_may_use_an_offset() {
        assertThat(parse("--service", "track-api", "--topic", "track-purged", "--to-datetime", "2026-11-20T11:00:00+01:00").target())
                .isEqualTo(new RewindTarget.Time(Instant.parse("2026-11-20T10:00:00Z")));
        assertThatThrownBy(() -> parse("--service", "track-api", "--topic", "track-purged", "--to-datetime", "2026-11-20T10:00:00"))
                .hasMessageContaining("--to-datetime needs an ISO-8601 time with a zone, e.g. 2026-11-20T10:00:00Z");
    }

    @Test
    void an_unknown_service_is_a_clear_error_naming_the_services() {
        assertThatThrownBy(() -> parse("--service", "lifecycle", "--topic", "track-deleted", "--to-earliest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown service lifecycle; the services are track-api, lifecycle-worker, ingestion-scheduler, "
                        + "discovery-service, archiver");
    }

    @Test
    void an_unknown_topic_is_a_clear_error_naming_the_topics() {
        assertThatThrownBy(() -> parse("--group", "g", "--topic", "track-removed", "--to-earliest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown topic track-removed; NovaTune's topics are track-added, track-updated");
    }

    @Test
    void a_topic_the_service_does_not_consume_is_a_clear_error() {
        assertThatThrownBy(() -> parse("--service", "lifecycle-worker", "--topic", "track-added", "--to-earliest"))
                .hasMessage("lifecycle-worker does not consume track-added; it consumes track-deleted");
    }

    @Test
    void exactly_one_of_service_and_group_and_exactly_one_target_are_needed() {
        assertThatThrownBy(() -> parse("--topic", "track-added", "--to-earliest")).hasMessageContaining("not neither");
        assertThatThrownBy(() -> parse("--service", "archiver", "--group", "archiver", "--topic", "archive-due", "--to-earliest"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("--service", "archiver", "--topic", "archive-due"))
                .hasMessage("give exactly one of --to-earliest, --to-offset N, --to-datetime TIME");
        assertThatThrownBy(() -> parse("--service", "archiver", "--topic", "archive-due", "--to-earliest", "--to-offset", "3"))
                .hasMessage("give exactly one of --to-earliest, --to-offset N, --to-datetime TIME");
        assertThatThrownBy(() -> parse("--service", "archiver", "--to-earliest")).hasMessageStartingWith("which topic?");
    }

    @Test
    void numbers_must_be_numbers_of_zero_or_more() {
        assertThatThrownBy(() -> parse("--group", "g", "--topic", "track-added", "--to-offset", "-1"))
                .hasMessage("--to-offset must be 0 or more, not -1");
        assertThatThrownBy(() -> parse("--group", "g", "--topic", "track-added", "--to-earliest", "--partitions", "0,x"))
                .hasMessage("--partitions needs a number, not x");
        assertThatThrownBy(() -> parse("--group", "g", "--topic", "track-added", "--to-offset"))
                .hasMessage("--to-offset needs a value");
        assertThatThrownBy(() -> parse("--group", "g", "--topic", "track-added", "--to-earliest", "--force"))
                .hasMessage("unexpected argument --force");
    }

    @Test
    void the_usage_names_every_service_and_topic() {
        assertThat(ReplayOptions.USAGE).contains(ServiceGroup.serviceNames(), "track-deleted", "--execute", "scale it to zero");
    }

    private static ReplayOptions parse(String... args) {
        return ReplayOptions.parse(args);
    }
}
