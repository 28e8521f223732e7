package io.novatune.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code management.opentelemetry.tracing.export.otlp.endpoint} set, a service sends its spans to an OpenTelemetry collector over
 * OTLP/HTTP. The collector here is a loopback HTTP server that keeps what it receives (protobuf bodies).
 */
@DirtiesContext
class SpansAreExportedOverOtlpTest extends IngestionIntegrationTest {

    private static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<String> CONTENT_TYPES = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    @DynamicPropertySource
    static void exportTo(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
        // This context only serves HTTP: its listeners would join the shared context's consumer group.
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Autowired
    TestRestTemplate http;

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void a_request_in_a_callers_trace_reaches_the_collector_as_a_span_of_that_trace() {
        String traceId = "5b8efff798038103d269b633813fc60c";
        HttpHeaders headers = new HttpHeaders();
        headers.set("traceparent", "00-" + traceId + "-eee19b7ec3c1b174-01");

        http.exchange("/api/v1/ingestion/stats", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        // OTLP's protobuf carries the trace id as its 16 raw bytes.
        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RECEIVED.stream().anyMatch(body -> contains(body, traceIdBytes)));
        assertThat(CONTENT_TYPES).as("OTLP/HTTP with protobuf bodies").containsOnly("application/x-protobuf");
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/traces", exchange -> {
                CONTENT_TYPES.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                try (InputStream body = exchange.getRequestBody()) {
                    RECEIVED.add(body.readAllBytes());
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
