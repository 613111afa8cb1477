package com.engagementtracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The load generator's side of HTTP: plain JDK client, as any client of the API. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> bases;
    private final AtomicLong requests = new AtomicLong();

    Http(String base) {
        this(List.of(base));
    }

    /** Several nodes of one deployment: each request goes to the next, round robin, as a load balancer sends them. */
    Http(List<String> bases) {
        this.bases = List.copyOf(bases);
    }

    Response get(String path) {
        return send(request(path).timeout(Duration.ofSeconds(120)).GET());
    }

    JsonNode getJson(String path) {
        return get(path).json();
    }

    Response post(String path, String json) {
        return send(request(path).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(request(path).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Signed in as the demo user whose role may make the request: admin, finance, or the account team. */
    private HttpRequest.Builder request(String path) {
        String user = path.startsWith("/api/admin") || path.startsWith("/actuator") ? "admin"
                : path.startsWith("/api/billing") ? "finance" : "account-team";
        String base = bases.get((int) (requests.getAndIncrement() % bases.size()));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
