package io.novatune.trackapi.bench;

import tools.jackson.databind.ObjectMapper;
import io.novatune.events.Topics;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.trackapi.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sustained {@code POST /api/v1/tracks} from concurrent clients, and the latency from each 201 to
 * its TrackAdded being consumed from Kafka (through the outbox, WAL, Debezium and the broker).
 * Run by {@code deploy/bench/track-api/writes [clients] [seconds]}.
 */
public final class WriteBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (BenchmarkStack stack = new BenchmarkStack()) {
            Map<String, Long> createdAt = new ConcurrentHashMap<>();
            Map<String, Long> consumedAt = new ConcurrentHashMap<>();
            AtomicBoolean consuming = new AtomicBoolean(true);
            Thread consumer = new Thread(() -> consume(stack.kafka.bootstrapServers(), consumedAt, consuming));
            consumer.start();

            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
            URI uri = URI.create("http://localhost:" + stack.port() + "/api/v1/tracks");
            ObjectMapper json = new ObjectMapper();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String token = TestTokens.forUser("writer-" + c);
                workers.add(pool.submit(() -> {
                    int written = 0;
                    while (System.nanoTime() < end) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"title": "Bench track", "artist": "Bench artist", "isrc": "GBDUW9600012",
                                         "durationMs": 240000, "catalogRef": {"service": "spotify", "id": "x"}}
                                        """)).build(), HttpResponse.BodyHandlers.ofString());
                        long answered = System.nanoTime();
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
                        }
                        createdAt.put(json.readTree(response.body()).get("id").asText(), answered);
                        written++;
                    }
                    return written;
                }));
            }
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get();
            }
            pool.shutdown();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!consumedAt.keySet().containsAll(createdAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100); // a benchmark waiting for stragglers, not a test
            }
            consuming.set(false);
            consumer.join();

            List<Long> endToEnd = new ArrayList<>();
            createdAt.forEach((id, answered) -> {
                Long consumed = consumedAt.get(id);
                if (consumed != null) {
                    endToEnd.add(Math.max(0, consumed - answered));
                }
            });
            Latencies latencies = new Latencies("201 → TrackAdded consumed", endToEnd);
            System.out.printf("clients: %d, duration: %d s, tracks added: %d, rate: %.0f POST/s, events consumed: %d of %d%n",
                    clients, seconds, total, total / (double) seconds, endToEnd.size(), createdAt.size());
            System.out.println("| measure | events | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|");
            System.out.println(latencies.row());
        }
    }

    private static void consume(String bootstrap, Map<String, Long> consumedAt, AtomicBoolean consuming) {
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "write-benchmark",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.TRACK_ADDED));
            while (consuming.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> consumedAt.putIfAbsent(record.key(), System.nanoTime()));
            }
        }
    }
}
