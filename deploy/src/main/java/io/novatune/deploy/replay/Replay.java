package io.novatune.deploy.replay;

import java.io.PrintStream;
import java.util.Map;

import io.novatune.deploy.flags.OperatorTool;
import io.novatune.deploy.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code deploy/scripts/replay}: rewinds one service's consumer group on one topic (architecture §6), so that the service
 * consumes those records again when it starts. Every consumer is idempotent under replay (architecture §3).
 * Runbook: {@code docs/runbooks/replay-and-dead-letters.md}.
 */
public final class Replay {

    private Replay() {
    }

    public static void main(String[] args) {
        OperatorTool.main("replay", ReplayOptions.USAGE, args, ReplayOptions::parse, options -> run(options, System.out));
    }

    /** Prints the plan and, with {@code --execute}, applies it; a refusal or a Kafka error is an IllegalStateException. */
    static ReplayPlan run(ReplayOptions options, PrintStream out) {
        try (Admin admin = Admin.create(adminConfig(options.kafka(), System.err))) {
            ConsumerGroupRewind rewind = new ConsumerGroupRewind(admin);
            ReplayPlan plan = rewind.plan(options);
            plan.print(out);
            if (!options.execute()) {
                out.println("Nothing was changed. To apply: stop " + options.consumers() + ", then run the same command with --execute.");
                return plan;
            }
            rewind.execute(plan);
            out.println("Done: group " + options.group() + " resumes at the targets above. Start " + options.consumers()
                    + " again and watch its lag fall back to 0.");
            return plan;
        }
    }

    /** No guarantee: what replay promises (a plan first, never forward, not while the group runs) is its own logic. */
    public static Map<String, Object> adminConfig(KafkaClientSettings kafka, PrintStream warnings) {
        return kafka.clientConfig("replay's admin client", Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "novatune-replay",
                // An operator waits at a prompt: say within seconds that Kafka does not answer (a file may allow more).
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000),
                Map.of(), warnings);
    }
}
