package io.novatune.deploy.tail;

import static io.novatune.deploy.flags.FlagValues.positive;
import static io.novatune.deploy.flags.FlagValues.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.novatune.deploy.kafka.KafkaClientSettings;

/** tail-topic's command line, parsed. */
public record TailOptions(String topic, boolean fromBeginning, Optional<Integer> max, Optional<Duration> timeout, KafkaClientSettings kafka) {

    public static final String USAGE = """
            Usage: deploy/scripts/tail-topic <topic> [--from-beginning] [--max N] [--timeout-seconds S]
                                             [--bootstrap host:port] [--command-config <file>]

            Prints each record of <topic> (all partitions) as one JSON object per line:
              {"topic","partition","offset","timestamp","key","headers":{...},"event":{...}}
            A record whose value is not a NovaTune event gets an "error" field instead of "event".
            Without --from-beginning only records arriving from now on are shown. Stops after --max records or
            --timeout-seconds (exit code 3 if --max was given but not reached); otherwise runs until Ctrl-C.
            %s""".formatted(KafkaClientSettings.usage(Map.of("consumer", TailTopic.CONSUMER_GUARANTEES)));

    public static TailOptions parse(String[] args) {
        String topic = null;
        boolean fromBeginning = false;
        Optional<Integer> max = Optional.empty();
        Optional<Duration> timeout = Optional.empty();
        Optional<String> bootstrap = Optional.empty();
        Optional<Path> commandConfig = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from-beginning" -> fromBeginning = true;
                case "--max" -> max = Optional.of(positive(args, ++i, "--max"));
                case "--timeout-seconds" -> timeout = Optional.of(Duration.ofSeconds(positive(args, ++i, "--timeout-seconds")));
                case "--bootstrap" -> bootstrap = Optional.of(value(args, ++i, "--bootstrap"));
                case "--command-config" -> commandConfig = Optional.of(Path.of(value(args, ++i, "--command-config")));
                default -> {
                    if (args[i].startsWith("-") || topic != null) {
                        throw new IllegalArgumentException("unexpected argument " + args[i]);
                    }
                    topic = args[i];
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("which topic? e.g. tail-topic track-added --from-beginning");
        }
        return new TailOptions(topic, fromBeginning, max, timeout, KafkaClientSettings.of(bootstrap, commandConfig));
    }
}
