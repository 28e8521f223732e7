import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The write load of the memory benchmark: back-to-back {@code POST /api/v1/tracks} from concurrent clients against a
 * running stack. Run with the JDK's source launcher: {@code java WriteLoad.java URL TOKEN CLIENTS SECONDS}.
 */
public final class WriteLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/v1/tracks");
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                int written = 0;
                while (System.nanoTime() < end) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"title": "Memory bench", "artist": "Bench artist", "isrc": "GBDUW9600012",
                                     "durationMs": 240000, "catalogRef": {"service": "spotify", "id": "x"}}
                                    """)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
                    }
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
        System.out.println(total);
    }
}
