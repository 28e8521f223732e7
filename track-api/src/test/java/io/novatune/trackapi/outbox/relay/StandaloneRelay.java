package io.novatune.trackapi.outbox.relay;

import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Map;

/**
 * An outbox relay in a process of its own, so that tests can kill it like a crashed replica.
 * Prints {@code relay-role=<ROLE>} whenever its role changes.
 *
 * <p>Arguments: instance host port database user password bootstrapServers slot lockKey offsetTopic
 */
public final class StandaloneRelay {

    public static void main(String[] args) throws InterruptedException {
        var settings = new RelaySettings(args[0], args[1], Integer.parseInt(args[2]), args[3], args[4], args[5],
                args[7], "novatune_outbox", args[9], (short) 1, Long.parseLong(args[8]), Duration.ofSeconds(10), Duration.ofMillis(250),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[6]));
        OutboxRelay relay = new OutboxRelay(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(relay::close));
        relay.start();
        OutboxRelay.Role reported = null;
        while (true) {
            OutboxRelay.Role role = relay.role();
            if (role != reported) {
                System.out.println("relay-role=" + role);
                System.out.flush();
                reported = role;
            }
            Thread.sleep(50);
        }
    }
}
