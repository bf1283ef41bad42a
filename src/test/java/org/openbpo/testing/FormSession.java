package org.openbpo.testing;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a browser: signed in through the login form, with its cookies and the CSRF token the
 * pages carry, sending forms as a browser without JavaScript does, or as htmx does. Redirects are not
 * followed, so a test sees them.
 */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String csrf;

    public FormSession(int port, String email, String password) throws Exception {
        this.port = port;
        HttpResponse<String> done = send(form("/login", Map.of("email", email, "password", password), token(get("/login"))));
        assertThat(done.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
        csrf = token(get("/"));
    }

    /** The session working for one client, as the client switcher sets it. */
    public FormSession workingFor(Object clientId) throws Exception {
        assertThat(post("/active-client", Map.of("clientId", clientId.toString())).statusCode()).isLessThan(400);
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The form sent by its button. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return send(form(path, form, csrf));
    }

    /** The form sent by htmx, which answers with a part of the page. */
    public HttpResponse<String> htmx(String path, Map<String, String> form) throws Exception {
        return send(form(path, form, csrf).header("HX-Request", "true"));
    }

    private static String token(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on " + page.uri()).isTrue();
        return token.group(1);
    }

    private HttpRequest.Builder form(String path, Map<String, String> form, String token) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("_csrf", token);
        String body = sent.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
