package io.novatune.deploy.flags;

import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.KafkaException;

/**
 * The command-line contract of the operator tools (replay, dlt-redrive), like tail-topic's: {@code --help} prints
 * the usage; bad input is one line on stderr, then the usage, and exit code 2; a refusal or a Kafka failure is one
 * line and exit code 1; otherwise 0.
 */
public final class OperatorTool {

    private OperatorTool() {
    }

    public static <T> void main(String name, String usage, String[] args, Function<String[], T> parse, Consumer<T> run) {
        T options = FlagValues.parseOrExit(args, usage, parse);
        try {
            run.accept(options);
            System.exit(0);
        } catch (IllegalArgumentException e) {
            // Input that only Kafka could judge, e.g. a partition the topic does not have.
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
        } catch (IllegalStateException | KafkaException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
