package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.openbpo.demo.DemoData;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and form of the web UI, found from the application's own request mappings, sent what a
 * careless user or a tampered form sends: fields left empty, text where a number or a date belongs,
 * numbers and dates out of every range, ids that are not ids or belong to nothing. Whatever is sent,
 * the answer is a page that says what is wrong, never a server error. Pages are also read for a demo
 * client's real records; forms are sent for a client of the test's own, so the demo stays as it was.
 */
class UiRobustnessTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:th:)?(?:value|content)=\"([^\"]+)\"");
    private static final Set<Class<?>> FRAMEWORK = Set.of(jakarta.servlet.http.HttpServletRequest.class,
            jakarta.servlet.http.HttpServletResponse.class, jakarta.servlet.http.HttpSession.class,
            org.springframework.ui.Model.class, org.springframework.ui.ModelMap.class, org.springframework.validation.BindingResult.class,
            org.springframework.web.servlet.mvc.support.RedirectAttributes.class, java.util.Locale.class,
            java.security.Principal.class, CurrentUser.class, org.springframework.web.multipart.MultipartFile.class);
    /** Provider-wide settings other tests of the run rely on, and leaving. */
    private static final List<String> LEFT_OUT = List.of("/logout", "/login", "/error", "/billing/mail-server", "/books/house",
            "/active-client");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoData demoData;
    @Autowired
    Clients clients;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> failures = new ArrayList<>();
    private String email;
    private String csrf;
    private String ownClient;
    private int requests;
    private int formsTakenIn;

    private enum Variant { PLAUSIBLE, NOT_OF_ITS_TYPE, EMPTY, OUT_OF_RANGE }

    @Test
    void noPageOrFormAnswersWithAServerError() throws Exception {
        demoData.loadOnce();
        email = providerAdministrator().email();
        String demoClient = TenantScope.call(AllowedClients.ALL, () -> clients.page(null, 500).stream()
                .filter(c -> c.code().equals("LAKESHORE")).findFirst().orElseThrow().id().toString());
        ownClient = TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(unique("UIROB"),
                "Sturdy Looms", "Sturdy Looms Ltd", "GB", "Europe/London", "GBP", ClientStatus.ACTIVE)).id().toString());
        logIn();

        int forms = 0;
        int pages = 0;
        for (var mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : patterns(mapping.getKey())) {
                Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
                if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                    pages++;
                    for (Variant variant : Variant.values()) {
                        send("GET", pattern, mapping.getValue(), variant, demoClient);
                    }
                }
                if (methods.contains(RequestMethod.POST)) {
                    forms++;
                    for (Variant variant : Variant.values()) {
                        send("POST", pattern, mapping.getValue(), variant, ownClient);
                    }
                }
            }
        }

        assertThat(failures).as(failures.size() + " of " + requests + " requests were answered with a server error:\n"
                + String.join("\n", failures.subList(0, Math.min(80, failures.size())))).isEmpty();
        assertThat(pages).as("pages").isGreaterThan(70);
        assertThat(forms).as("forms").isGreaterThan(60);
        assertThat(formsTakenIn).as("forms sent that reached their handler").isGreaterThan(forms * 3);
    }

    private static List<String> patterns(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            return List.of();
        }
        return info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                .filter(p -> !p.startsWith("/api/") && !p.contains("*") && !p.startsWith("/actuator")
                        && !p.startsWith("/swagger") && !p.startsWith("/v3/"))
                .filter(p -> LEFT_OUT.stream().noneMatch(p::startsWith))
                .toList();
    }

    private void send(String method, String pattern, HandlerMethod handler, Variant variant, String clientId) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        String path = pattern;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(AuthenticationPrincipal.class) || parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class) || FRAMEWORK.stream().anyMatch(f -> f.isAssignableFrom(type))) {
                continue;
            }
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (pathVariable != null) {
                String name = !pathVariable.value().isEmpty() ? pathVariable.value() : parameter.getParameterName();
                String value = name.toLowerCase().startsWith("client") ? clientId
                        : variant == Variant.PLAUSIBLE ? plausible(name, type, clientId) : value(name, type, variant, clientId);
                path = path.replace("{" + name + "}", URLEncoder.encode(value.isEmpty() ? "x" : value, StandardCharsets.UTF_8));
            } else if (requestParam != null || isSimple(type)) {
                String name = requestParam != null && !requestParam.value().isEmpty() ? requestParam.value() : parameter.getParameterName();
                if (name != null && !Map.class.isAssignableFrom(type)) {
                    form.put(name, value(name, type, variant, clientId));
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || type.isRecord()) {
                if (type.isRecord()) {
                    for (var component : type.getRecordComponents()) {
                        form.put(component.getName(), value(component.getName(), component.getType(), variant, clientId));
                    }
                }
            }
        }
        path = path.replaceAll("\\{[^}]+}", "x");
        HttpResponse<String> response = method.equals("GET")
                ? exchange(HttpRequest.newBuilder(uri(path + (form.isEmpty() ? "" : "?" + encode(form)))).GET())
                : exchange(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(withCsrf(form)))));
        if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/login")) {
            logIn(); // a form that ended the session (a password change, a disabled login) is no failure of its own
        }
        if (method.equals("POST") && response.statusCode() != 403) {
            formsTakenIn++; // past the session and CSRF checks, to the form's own handling
        }
        if (response.statusCode() >= 500) {
            String body = response.body();
            String requestId = response.headers().firstValue("X-Request-Id").orElse("");
            failures.add(method + " " + pattern + " [" + variant + "] " + abbreviate(form.toString()) + " → " + response.statusCode()
                    + " " + requestId + " " + abbreviate(body.replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ")));
        }
    }

    private static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || CharSequence.class.isAssignableFrom(type)
                || Temporal.class.isAssignableFrom(type) || type == Boolean.class || type == UUID.class
                || java.util.Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    private static String plausible(String name, Class<?> type, String clientId) {
        if (type == UUID.class) {
            return name.toLowerCase().contains("client") ? clientId : UUID.randomUUID().toString();
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "987654";
        }
        if (type == YearMonth.class || name.equals("period") || name.equals("month")) {
            return "2026-03";
        }
        if (type == LocalDate.class) {
            return "2026-03-02";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return "NOPE";
    }

    private static String value(String name, Class<?> type, Variant variant, String clientId) {
        return switch (variant) {
            case PLAUSIBLE -> {
                if (type == boolean.class || type == Boolean.class) {
                    yield "true";
                }
                if (type == BigDecimal.class || name.toLowerCase().contains("amount") || name.toLowerCase().contains("rate")) {
                    yield "12.50";
                }
                if (type == LocalTime.class) {
                    yield "09:00";
                }
                if (type == String.class && name.toLowerCase().contains("client")) {
                    yield clientId;
                }
                yield type == String.class ? "X1" : plausible(name, type, clientId);
            }
            case NOT_OF_ITS_TYPE -> "zzz";
            case EMPTY -> "";
            case OUT_OF_RANGE -> {
                if (type == String.class) {
                    yield "\u0000'\";--" + "x".repeat(10_000);
                }
                if (type == LocalDate.class || type == YearMonth.class || name.equals("period") || name.equals("month")) {
                    yield type == YearMonth.class ? "2026-13" : "2026-02-30";
                }
                yield "-99999999999999999999999";
            }
        };
    }

    private Map<String, String> withCsrf(Map<String, String> form) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("_csrf", csrf);
        return sent;
    }

    private void logIn() throws Exception {
        HttpResponse<String> login = exchange(HttpRequest.newBuilder(uri("/login")).GET());
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("the login form carries its CSRF token").isTrue();
        HttpResponse<String> done = exchange(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("email", email, "password", PASSWORD, "_csrf", token.group(1))))));
        assertThat(done.headers().firstValue("Location").orElse("")).as("logged in").doesNotContain("error");
        HttpResponse<String> home = exchange(HttpRequest.newBuilder(uri("/")).GET());
        Matcher page = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(home.body());
        assertThat(page.find()).as("pages carry the CSRF token").isTrue();
        csrf = page.group(1);
        exchange(HttpRequest.newBuilder(uri("/active-client")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("clientId", ownClient, "_csrf", csrf)))));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        requests++;
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 240 ? text : text.substring(0, 240) + "…";
    }
}
