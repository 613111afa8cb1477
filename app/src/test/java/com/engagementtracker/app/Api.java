package com.engagementtracker.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the API, as any other client would call it, signed in with HTTP Basic as one of
 * the demo users. Unless told whom to be ({@link #as}, {@link #anonymous}), it signs in as the role that
 * may make each request: admin for operations, finance for payments and billing, the account team for
 * everything else.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    /** who signs in; null: the role that may make each request */
    private final String user;
    private final boolean anonymous;

    Api(int port) {
        this("http://localhost:" + port, null, false);
    }

    private Api(String base, String user, boolean anonymous) {
        this.base = base;
        this.user = user;
        this.anonymous = anonymous;
    }

    /** The same API, signed in as this demo user (whose password is its name). */
    Api as(String demoUser) {
        return new Api(base, demoUser, false);
    }

    Api anonymous() {
        return new Api(base, null, true);
    }

    /** The demo user whose role may make this request. */
    static String userFor(String method, String path) {
        if (path.startsWith("/api/admin") || path.startsWith("/actuator")) {
            return "admin";
        }
        if (path.startsWith("/api/billing") || (method.equals("POST") && path.matches("/api/engagements/[^/]+/payments"))) {
            return "finance";
        }
        return "account-team";
    }

    static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder().encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
    }

    record Response(int status, String body, Optional<String> location, String contentType, Optional<String> etag) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String id() {
            return json().get("id").asString();
        }
    }

    Response get(String path) {
        return send(request("GET", path).GET());
    }

    Response post(String path, String json) {
        return post(path, json, null);
    }

    Response post(String path, String json, String idempotencyKey) {
        return post(path, json, "Idempotency-Key", idempotencyKey);
    }

    /** A POST with one more header, or none when {@code value} is null. */
    Response post(String path, String json, String header, String value) {
        HttpRequest.Builder request = request("POST", path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (value != null) {
            request.header(header, value);
        }
        return send(request);
    }

    Response put(String path, String json) {
        return send(request("PUT", path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The body of a GET as bytes, for what is not text (a gzipped export, a PDF). */
    byte[] download(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request("GET", path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response delete(String path) {
        return send(request("DELETE", path).DELETE());
    }

    private HttpRequest.Builder request(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (!anonymous) {
            request.header("Authorization", basic(user != null ? user : userFor(method, path)));
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location"),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("ETag"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
