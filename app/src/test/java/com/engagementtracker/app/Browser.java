package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: keeps its session cookie, asks for HTML, follows no redirect by itself, and
 * signs in with HTTP Basic as a demo user (or not at all). Forms are posted with the page's CSRF token.
 */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String user;
    private String lastPage = "";

    Browser(int port, String user) {
        this.port = port;
        this.user = user;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> page = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        lastPage = page.body();
        return page;
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits fields as a form of the last page fetched, with its CSRF token; answers the redirect. */
    HttpResponse<String> submit(String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(lastPage));
        return post(path, form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** Uploads a file as the only field of a multipart form of the last page fetched, with its CSRF token. */
    HttpResponse<String> upload(String path, String field, String fileName, String content) throws Exception {
        String boundary = "----upload" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(lastPage) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a redirect answer to the page it names. */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as("a redirect").isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String path = location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "");
        return get(path);
    }

    /** Form fields from name and value pairs, in order. */
    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("the page's forms carry a CSRF token").isTrue();
        return token.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (user != null) {
            request.header("Authorization", Api.basic(user));
        }
        return request;
    }
}
