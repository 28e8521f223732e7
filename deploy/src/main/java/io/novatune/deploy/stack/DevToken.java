package io.novatune.deploy.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Mints an admin token from track-api's local-profile endpoint, for the operator's first requests. */
final class DevToken {

    static final String USER_ID = "dev-user";

    private DevToken() {
    }

    static String mint(StackService trackApi) {
        ObjectMapper json = new ObjectMapper();
        URI uri = URI.create(trackApi.baseUrl() + "/api/v1/dev/token");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + USER_ID + "\",\"roles\":[\"admin\"]}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode token = response.statusCode() == 200 || response.statusCode() == 201
                    ? json.readTree(response.body()).get("token") : null;
            if (token == null || token.asText().isBlank()) {
                throw new IllegalStateException("POST " + uri + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while minting a dev token", e);
        }
    }
}
