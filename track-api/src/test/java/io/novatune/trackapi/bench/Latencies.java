package io.novatune.trackapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Times repeated calls and reports percentiles in milliseconds. */
record Latencies(String name, List<Long> nanos) {

    static Latencies measure(String name, int warmup, int runs, Callable<?> call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        List<Long> nanos = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.call();
            nanos.add(System.nanoTime() - start);
        }
        return new Latencies(name, nanos);
    }

    double percentileMillis(double percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    String row() {
        return String.format("| %s | %d | %.2f | %.2f |", name, nanos.size(), percentileMillis(50), percentileMillis(99));
    }
}
