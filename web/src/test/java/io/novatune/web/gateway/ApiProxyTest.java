package io.novatune.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import io.novatune.web.WebApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The proxy in front of a stand-in service that echoes what it received. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiProxyTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer backend;
    private ConfigurableApplicationContext web;
    private int webPort;

    @BeforeAll
    void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                exchange.getResponseHeaders().add("Location", "http://objects.example/presigned?sig=1");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " body=" + new String(received, StandardCharsets.UTF_8);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.sendResponseHeaders(201, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        backend.start();
        web = SpringApplication.run(WebApplication.class, "--server.port=0",
                "--NOVATUNE_WEB_TRACK_API_URL=http://127.0.0.1:" + backend.getAddress().getPort(),
                "--NOVATUNE_WEB_DISCOVERY_URL=http://127.0.0.1:1");
        webPort = Integer.parseInt(web.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        web.close();
        backend.stop(0);
    }

    @Test
    void a_post_under_a_routed_prefix_reaches_the_service_with_its_body_query_and_headers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/dev/token?x=1"))
                .header("Authorization", "Bearer abc").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\"}")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("POST /api/v1/dev/token?x=1 auth=Bearer abc body={\"userId\":\"u\"}");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"7\"");
    }

    @Test
    void a_stream_redirect_is_answered_as_its_location_when_asked() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/tracks/1/stream"))
                .header("X-Novatune-Resolve", "location").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"location\":\"http://objects.example/presigned?sig=1\"}");
    }

    @Test
    void a_service_that_does_not_answer_is_a_502_problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/tracklists")).GET());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("discovery-service did not answer");
    }

    @Test
    void other_paths_serve_the_app_and_internal_paths_are_not_routed() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/")).GET()).body()).contains("<title>NovaTune</title>");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/internal/objects/referenced")).GET()).statusCode()).isEqualTo(404);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + webPort + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
