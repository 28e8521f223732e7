package io.novatune.deploy.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedriveOptionsTest {

    @Test
    void a_topic_alone_re_drives_all_of_its_dead_letters_with_the_own_group_against_the_local_stack() {
        RedriveOptions options = RedriveOptions.parse(new String[] {"track-deleted"});

        assertThat(options.topic()).isEqualTo("track-deleted");
        assertThat(options.deadLetterTopic()).isEqualTo("track-deleted.DLT");
        assertThat(options.dryRun()).isFalse();
        assertThat(options.max()).isEmpty();
        assertThat(options.partitions()).isEmpty();
        assertThat(options.fromOffset()).isEmpty();
        assertThat(options.group()).isEqualTo("novatune-dlt-redrive");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void the_dead_letter_topic_may_be_named_instead_and_every_flag_is_taken() {
        RedriveOptions options = RedriveOptions.parse(new String[] {"archive-due.DLT", "--dry-run", "--max", "5", "--partitions", "1",
                "--from-offset", "0", "--group", "g", "--timeout-seconds", "9", "--bootstrap", "kafka:9092"});

        assertThat(options.topic()).isEqualTo("archive-due");
        assertThat(options.dryRun()).isTrue();
        assertThat(options.max()).contains(5);
        assertThat(options.partitions()).containsExactly(1);
        assertThat(options.fromOffset()).isEqualTo(OptionalLong.of(0));
        assertThat(options.group()).isEqualTo("g");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(options.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void bad_input_is_a_clear_one_line_error() {
        assertThatThrownBy(() -> RedriveOptions.parse(new String[0])).hasMessageStartingWith("which topic?");
        assertThatThrownBy(() -> RedriveOptions.parse(new String[] {"track-removed"}))
                .hasMessageStartingWith("unknown topic track-removed; NovaTune's topics are track-added");
        assertThatThrownBy(() -> RedriveOptions.parse(new String[] {"track-added", "--max", "0"})).hasMessage("--max must be positive, not 0");
        assertThatThrownBy(() -> RedriveOptions.parse(new String[] {"track-added", "track-deleted"}))
                .hasMessage("unexpected argument track-deleted");
    }
}
