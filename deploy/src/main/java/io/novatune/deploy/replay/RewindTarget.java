package io.novatune.deploy.replay;

import java.time.Instant;

/** Where replay moves a consumer group on each partition: Kafka's earliest offset, an offset, or a point in time. */
sealed interface RewindTarget {

    String describe();

    record Earliest() implements RewindTarget {
        @Override
        public String describe() {
            return "the earliest offset";
        }
    }

    record Offset(long offset) implements RewindTarget {
        @Override
        public String describe() {
            return "offset " + offset;
        }
    }

    /** The first record whose timestamp is at or after {@code time}. */
    record Time(Instant time) implements RewindTarget {
        @Override
        public String describe() {
            return "the first record at or after " + time;
        }
    }
}
