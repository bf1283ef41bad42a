package org.openbpo.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real HTTP client for the REST API, as an integrating system would call it. */
public final class Api {

    public record Response(int status, JsonNode body, Map<String, String> headers) {
        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Api(String base) {
        this.base = base;
    }

    public Api as(String token) {
        Api copy = new Api(base);
        copy.headers.putAll(headers);
        copy.headers.put("Authorization", "Bearer " + token);
        return copy;
    }

    public Api header(String name, String value) {
        Api copy = new Api(base);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    /** A POST of raw bytes, such as a mail relay handing in an RFC 5322 message. */
    public Response post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        headers.forEach(request::header);
        return exchange(request);
    }

    /** A file the API hands out (a PDF, a spreadsheet), as bytes with its status and headers. */
    public record Download(int status, byte[] body, Map<String, String> headers) {
    }

    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.getFirst()));
            return new Download(response.statusCode(), response.body(), responseHeaders);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return exchange(request);
    }

    private static Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.missingNode() : parse(response.body());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.getFirst()));
            return new Response(response.statusCode(), json, responseHeaders);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
