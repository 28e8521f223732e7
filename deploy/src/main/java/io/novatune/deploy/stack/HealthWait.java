package io.novatune.deploy.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Waits until every service's actuator health says UP, polling each every 500 ms within one overall deadline.
 * A service whose process ends, or that is not UP by the deadline, fails the start with its name, last health
 * answer and the tail of its log.
 */
final class HealthWait {

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();

    void untilAllUp(List<ServiceProcess> services, Duration timeout) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + timeout.toNanos();
        Map<ServiceProcess, String> waiting = new LinkedHashMap<>();
        services.forEach(service -> waiting.put(service, "no answer yet"));
        while (!waiting.isEmpty()) {
            // Every round looks at every service, so one that crashes is reported at once, whatever the order.
            for (Iterator<Map.Entry<ServiceProcess, String>> each = waiting.entrySet().iterator(); each.hasNext(); ) {
                Map.Entry<ServiceProcess, String> entry = each.next();
                ServiceProcess service = entry.getKey();
                if (!service.isAlive()) {
                    throw failure(service, "exited with code " + service.exitCode() + " before reporting UP");
                }
                HealthAnswer answer = ask(service.service().healthUrl());
                if (answer.up()) {
                    Progress.done(service.service().module() + " is UP at " + service.service().baseUrl(), startedAt);
                    each.remove();
                } else {
                    entry.setValue(answer.description());
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Map.Entry<ServiceProcess, String> late = waiting.entrySet().iterator().next();
                throw failure(late.getKey(), "is not UP after " + timeout.toSeconds() + " s (last health answer: " + late.getValue() + ")"
                        + (waiting.size() > 1 ? "; not UP either: " + waiting.keySet().stream().skip(1).map(other -> other.service().module()).toList() : ""));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
        }
    }

    private HealthAnswer ask(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String status = statusOf(response.body());
            return new HealthAnswer(response.statusCode() == 200 && "UP".equals(status),
                    "HTTP " + response.statusCode() + " " + (status == null ? response.body() : "status " + status));
        } catch (IOException e) {
            return new HealthAnswer(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthAnswer(false, "interrupted");
        }
    }

    private String statusOf(String body) {
        try {
            JsonNode status = json.readTree(body).get("status");
            return status == null ? null : status.asText();
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static ServiceStartFailure failure(ServiceProcess service, String what) {
        return new ServiceStartFailure(service.service().module() + " " + what + System.lineSeparator()
                + "--- last " + LOG_LINES_ON_FAILURE + " lines of " + service.log() + " ---" + System.lineSeparator()
                + LogTail.of(service.log(), LOG_LINES_ON_FAILURE));
    }

    private record HealthAnswer(boolean up, String description) {
    }

    /** A service did not come up; the message says which, why, and shows its log. */
    static final class ServiceStartFailure extends RuntimeException {
        ServiceStartFailure(String message) {
            super(message);
        }
    }
}
