package com.engagementtracker.app.pages;

import com.engagementtracker.command.web.CachedBodyRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages' forms are the API: a form's fields are named after the JSON fields of the API request it stands
 * for ({@code customerJob.importance}, {@code metrics[0].baselineValue}, a money's {@code amount} and
 * {@code currency}), and submitting it forwards that JSON to the API endpoint inside the same request. So
 * the form is checked by the very rules the API applies (validation, the access rules of the API's security
 * chain, the aggregate), each kept in one place, and the API's field errors land next to the inputs of the
 * same names.
 */
@Component
class ApiForms {

    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,3})])?");

    private final JsonMapper json;

    ApiForms(JsonMapper json) {
        this.json = json;
    }

    /** The API's answer to a submitted form. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The API's problem detail, or a plain sentence for an answer without one. */
        String problem() {
            if (body != null && body.hasNonNull("detail")) {
                return body.get("detail").asString();
            }
            return switch (status) {
                case 403 -> "Your role may not do this.";
                case 404 -> "There is nothing here, or nothing you may see.";
                default -> "The request was refused (HTTP " + status + ").";
            };
        }

        /** Field name to message, for the fields the API named. */
        Map<String, String> fieldErrors() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (body != null && body.get("errors") instanceof ArrayNode list) {
                list.forEach(error -> errors.putIfAbsent(error.path("field").asString(), error.path("message").asString()));
            }
            return errors;
        }
    }

    /** Sends the form's fields as the JSON body of {@code method apiPath}, as the signed-in user, and returns the answer. */
    Answer submit(HttpServletRequest request, String method, String apiPath,
                  Map<String, String> form) throws IOException, ServletException {
        return send(request, method, apiPath, json.writeValueAsBytes(toJson(form)), MediaType.APPLICATION_JSON_VALUE);
    }

    /** Sends {@code body} (an uploaded file, say) as the body of {@code method apiPath}, as the signed-in user. */
    Answer send(HttpServletRequest request, String method, String apiPath, byte[] body, String mediaType)
            throws IOException, ServletException {
        CapturedResponse captured = new CapturedResponse();
        request.getRequestDispatcher(apiPath).forward(new ApiRequest(request, method, body, mediaType,
                MediaType.APPLICATION_JSON_VALUE), captured);
        byte[] answer = captured.bytes();
        JsonNode parsed = null;
        if (answer.length > 0 && captured.getContentType() != null && captured.getContentType().contains("json")) {
            parsed = json.readTree(answer);
        }
        return new Answer(captured.getStatus(), parsed);
    }

    /** Answers the page's GET with the API's document at {@code apiPath}, in the given media type (a CSV, say). */
    void download(HttpServletRequest request, HttpServletResponse response, String apiPath, String mediaType)
            throws IOException, ServletException {
        request.getRequestDispatcher(apiPath).forward(new ApiRequest(request, "GET", new byte[0], MediaType.APPLICATION_JSON_VALUE,
                mediaType), response);
    }

    /**
     * The JSON a form stands for: dotted names make objects, {@code [n]} makes arrays, blank inputs are left
     * out, and a money whose amount is blank is left out with its preset currency, so that an optional money
     * (a hurdle, a cap) or an optional block (the subscription of a gain-share-only engagement) left empty is
     * absent rather than half filled.
     */
    ObjectNode toJson(Map<String, String> form) {
        ObjectNode root = json.createObjectNode();
        form.forEach((name, value) -> {
            if (name.startsWith("_") || value == null || value.isBlank()) {
                return;
            }
            if (name.endsWith(".currency") && isBlank(form.get(name.substring(0, name.length() - ".currency".length()) + ".amount"))) {
                return;
            }
            put(root, name, value.strip());
        });
        return root;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void put(ObjectNode root, String name, String value) {
        String[] steps = name.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < steps.length; i++) {
            Matcher step = STEP.matcher(steps[i]);
            if (!step.matches()) {
                return;
            }
            boolean last = i == steps.length - 1;
            String field = step.group(1);
            if (step.group(2) == null) {
                if (last) {
                    node.put(field, value);
                } else {
                    node = node.get(field) instanceof ObjectNode child ? child : node.putObject(field);
                }
                continue;
            }
            ArrayNode array = node.get(field) instanceof ArrayNode existing ? existing : node.putArray(field);
            int index = Integer.parseInt(step.group(2));
            while (array.size() <= index) {
                array.addNull();
            }
            if (last) {
                array.set(index, value);
            } else {
                if (!(array.get(index) instanceof ObjectNode)) {
                    array.set(index, array.objectNode());
                }
                node = (ObjectNode) array.get(index);
            }
        }
    }

    /**
     * The page's request, turned into the API request: another method, a body (the JSON of a form, or an uploaded
     * file), JSON asked for (or the document a download wants). What the
     * API sets as request attributes (its response status, its handler) stays with it, out of the page's way.
     */
    private static final class ApiRequest extends CachedBodyRequest {

        private static final Object REMOVED = new Object();

        private final String method;
        private final int length;
        private final String contentType;
        private final String accept;
        private final Map<String, Object> attributes = new HashMap<>();

        @Override
        public Object getAttribute(String name) {
            Object own = attributes.get(name);
            if (own == null) {
                return super.getAttribute(name);
            }
            return own == REMOVED ? null : own;
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            attributes.forEach((name, value) -> {
                if (value == REMOVED) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value == null ? REMOVED : value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, REMOVED);
        }

        ApiRequest(HttpServletRequest request, String method, byte[] body, String contentType, String accept) {
            super(request, body);
            this.method = method;
            this.length = body.length;
            this.contentType = contentType;
            this.accept = accept;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return switch (name.toLowerCase()) {
                case "content-type" -> getContentType();
                case "content-length" -> String.valueOf(length);
                case "accept" -> accept;
                default -> super.getHeader(name);
            };
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
        }

    }

    /**
     * Keeps the API's answer for the page instead of sending it to the browser. It stands on no real response:
     * the servlet container finishes the response a forward was given, and the page still has to answer.
     */
    private static final class CapturedResponse extends HttpServletResponseWrapper {

        private static final Map<Class<?>, Object> NOTHING = Map.of(boolean.class, false, int.class, 0, long.class, 0L);
        private static final HttpServletResponse NOWHERE = (HttpServletResponse) Proxy.newProxyInstance(
                ApiForms.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> NOTHING.get(method.getReturnType()));

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private int status = 200;
        private String contentType;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private PrintWriter writer;

        CapturedResponse() {
            super(NOWHERE);
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public java.util.Locale getLocale() {
            return java.util.Locale.ROOT;
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void setHeader(String name, String value) {
            headers.remove(name);
            if (value == null) {
                return;
            }
            headers.put(name, new ArrayList<>(List.of(value)));
            if ("content-type".equalsIgnoreCase(name)) {
                contentType = value;
            }
        }

        @Override
        public void addHeader(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            if ("content-type".equalsIgnoreCase(name)) {
                contentType = value;
            }
        }

        @Override
        public boolean containsHeader(String name) {
            return headers.containsKey(name);
        }

        @Override
        public String getHeader(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return headers.getOrDefault(name, List.of());
        }

        @Override
        public Collection<String> getHeaderNames() {
            return headers.keySet();
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, String.valueOf(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, String.valueOf(value));
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, String.valueOf(date));
        }

        @Override
        public void addDateHeader(String name, long date) {
            addHeader(name, String.valueOf(date));
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setBufferSize(int size) {
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public void reset() {
            buffer.reset();
        }

        @Override
        public void resetBuffer() {
            buffer.reset();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }
    }
}
