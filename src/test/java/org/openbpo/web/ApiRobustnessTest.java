package org.openbpo.web;

import org.junit.jupiter.api.Test;
import org.openbpo.demo.DemoData;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.PublishedApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the published API, called with what a careless or hostile integrator sends:
 * malformed JSON, the wrong shape, nulls, wrong types, values out of every range, ids that do not
 * exist or are not ids, and raw files that are not what they claim. Whatever is sent, the answer is
 * never a server error, and every refusal is an RFC 9457 problem detail that shows no internals.
 * The operations come from the OpenAPI document, so a new endpoint is covered the day it is published.
 */
class ApiRobustnessTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();
    /** Provider-wide settings a valid-looking body would really change for every other test of the run. */
    private static final Set<String> SHARED_SETTINGS = Set.of("PUT /api/v1/billing/mail-server", "POST /api/v1/ledger/house");

    @Autowired
    ApiTokens tokens;
    @Autowired
    DemoData demoData;

    private JsonNode schemas;
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int answered;

    @Test
    void noRequestAnIntegratorCanSendGetsAServerErrorOrAnswersWithoutAProblemDetail() {
        Api api = administrator();
        String clientId = api.post("/api/v1/clients", Map.of("code", unique("ROB"), "name", "Robust Mills",
                "legalEntity", "Robust Mills Ltd", "country", "GB", "timeZone", "Europe/London", "currency", "GBP")).text("id");
        assertThat(clientId).isNotBlank();

        int operations = 0;
        for (PublishedApi.Operation operation : PublishedApi.operations(api)) {
            operations++;
            exercise(api, operation, clientId);
        }

        assertThat(operations).as("operations published").isGreaterThan(200);
        assertThat(requests).as("requests sent").isGreaterThan(operations * 3);
        assertNoneAnsweredBadly();
    }

    /**
     * The same against the demo's three clients, with ids of their real contracts, items, employees,
     * invoices and the rest, so that the checks behind the first lookup run too. Only reads, and
     * bodies that must be refused before anything is done, so the demo stays as it was.
     */
    @Test
    void neitherDoRequestsAboutRealRecords() {
        demoData.loadOnce();
        Api api = administrator();
        List<String> demoClients = new ArrayList<>();
        api.get("/api/v1/clients?limit=500").body().path("items").forEach(client -> {
            if (Set.of("LAKESHORE", "ALBION", "KAVERI").contains(client.path("code").asString())) {
                demoClients.add(client.path("id").asString());
            }
        });
        assertThat(demoClients).hasSize(3);

        List<PublishedApi.Operation> operations = PublishedApi.operations(api);
        int realIds = 0;
        for (String clientId : demoClients) {
            Map<String, JsonNode> lists = new LinkedHashMap<>();
            for (PublishedApi.Operation operation : operations) {
                String path = PublishedApi.realPath(api, operation.template(), clientId, lists);
                if (path == null) {
                    continue;
                }
                if (operation.template().lastIndexOf('{') > operation.template().indexOf("{clientId}")) {
                    realIds++;
                }
                exerciseWithoutChanging(api, operation, path);
            }
        }

        assertThat(realIds).as("operations called with real ids").isGreaterThan(100);
        assertThat(answered).as("requests answered with what they asked for").isGreaterThan(200);
        assertNoneAnsweredBadly();
    }

    private Api administrator() {
        var admin = providerAdministrator();
        Api api = api().as(TenantScope.call(AllowedClients.ALL,
                () -> tokens.issue(admin, "robustness", null, Duration.ofDays(1)).secret()));
        schemas = api.get("/api/docs.json").body().path("components").path("schemas");
        return api;
    }

    private void assertNoneAnsweredBadly() {
        assertThat(failures).as(failures.size() + " of " + requests + " requests were answered badly:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size())))).isEmpty();
    }

    private void exerciseWithoutChanging(Api api, PublishedApi.Operation operation, String path) {
        List<JsonNode> parameters = operation.parameters();
        String name = operation.name() + " (real ids)";
        if (operation.method().equals("GET")) {
            call(api, "GET", path + query(parameters, false), name, null, "as documented");
            call(api, "GET", path + query(parameters, true), name, null, "query parameters out of range");
            return;
        }
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (!content.has("application/json") || operation.method().equals("DELETE")) {
            return;
        }
        JsonNode schema = resolve(content.path("application/json").path("schema"));
        String target = path + query(parameters, false);
        call(api, operation.method(), target, name, "{\"broken\": ", "malformed JSON");
        call(api, operation.method(), target, name, "[1, 2]", "an array for an object");
        call(api, operation.method(), target, name, "\"text\"", "a string for an object");
        if (!properties(schema).isEmpty()) {
            call(api, operation.method(), target, name, allProperties(schema, this::wrongType).toString(), "every field of the wrong type");
        }
    }

    private void exercise(Api api, PublishedApi.Operation operation, String clientId) {
        String method = operation.method();
        String template = operation.template();
        List<JsonNode> parameters = operation.parameters();
        String path = expand(template, parameters, clientId, null);
        String query = query(parameters, false);
        String name = operation.name();

        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.has("application/json")) {
            JsonNode schema = resolve(content.path("application/json").path("schema"));
            call(api, method, path + query, name, "{\"broken\": ", "malformed JSON");
            call(api, method, path + query, name, "[1, 2]", "an array for an object");
            call(api, method, path + query, name, "\"text\"", "a string for an object");
            call(api, method, path + query, name, "{}", "an empty object");
            call(api, method, path + query, name, "null", "null");
            call(api, method, path + query, name, allProperties(schema, this::wrongType).toString(), "every field of the wrong type");
            call(api, method, path + query, name, allProperties(schema, s -> NODES.nullNode()).toString(), "every field null");
            if (!SHARED_SETTINGS.contains(name)) {
                JsonNode valid = valid(schema, 0);
                call(api, method, path + query, name, valid.toString(), "a plausible body");
                if (valid instanceof ObjectNode object) {
                    for (var property : properties(schema).entrySet()) {
                        JsonNode propertySchema = resolve(property.getValue());
                        for (JsonNode bad : List.of(NODES.nullNode(), wrongType(propertySchema), extreme(propertySchema))) {
                            ObjectNode body = object.deepCopy();
                            body.set(property.getKey(), bad);
                            call(api, method, path + query, name, body.toString(), property.getKey() + " = " + abbreviate(bad.toString()));
                        }
                    }
                }
            }
        } else if (!content.isMissingNode() && content.size() > 0) {
            byte[] garbage = "\u0000\u00ffnot what it claims,;\"\n<?xml <<\r\n".repeat(20).getBytes(StandardCharsets.UTF_8);
            for (var type : content.properties()) {
                String contentType = type.getKey();
                for (byte[] body : List.of(garbage, new byte[0])) {
                    record(api.post(path + query, contentType, body), name, contentType + " of " + body.length + " bytes");
                }
            }
        } else {
            call(api, method, path + query, name, null, "as documented");
        }

        if (!parameters.isEmpty()) {
            call(api, method, path + query(parameters, true), name, bodyFor(content), "query parameters out of range");
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asString().equals("path")) {
                    String broken = expand(template, parameters, clientId, parameter.path("name").asString());
                    call(api, method, broken + query, name, bodyFor(content), "path parameter " + parameter.path("name").asString() + " not an id");
                }
            }
        }
    }

    private static String bodyFor(JsonNode content) {
        return content.has("application/json") ? "{}" : null;
    }

    private void call(Api api, String method, String target, String name, String body, String variant) {
        record(api.send(method, target, body), name, variant);
    }

    private void record(Api.Response response, String name, String variant) {
        requests++;
        if (response.status() < 300) {
            answered++;
        }
        String contentType = response.headers().getOrDefault("content-type", "");
        String text = response.body().toString();
        String problem = null;
        if (response.status() >= 500) {
            problem = "server error";
        } else if (response.status() >= 400 && !contentType.startsWith("application/problem+json")) {
            problem = "refusal without a problem detail (" + contentType + ")";
        } else if (response.status() >= 400 && (text.contains("Exception") || text.contains("\tat ") || text.contains("SQL"))) {
            problem = "refusal that shows internals";
        }
        if (problem != null) {
            failures.add(name + " [" + variant + "] → " + response.status() + " " + problem + ": " + abbreviate(text));
        }
    }

    /** The path with its parameters filled in: the test's client, ids that do not exist, or (for {@code broken}) not an id at all. */
    private static String expand(String template, List<JsonNode> parameters, String clientId, String broken) {
        String path = template;
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            String value;
            if (name.equals(broken)) {
                value = switch (schema.path("type").asString()) {
                    case "integer" -> "99999999999999999999";
                    default -> "not-an-id%20or%20anything";
                };
            } else if (name.equals("clientId")) {
                value = clientId;
            } else if (schema.path("format").asString().equals("uuid")) {
                value = UUID.randomUUID().toString();
            } else if (schema.path("type").asString().equals("integer")) {
                value = "987654";
            } else if (name.equals("period")) {
                value = "2026-03";
            } else if (name.equals("month")) {
                value = "2026-03";
            } else {
                value = "NOPE";
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private static String query(List<JsonNode> parameters, boolean outOfRange) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            JsonNode schema = parameter.path("schema");
            String value;
            if (!outOfRange) {
                if (!parameter.path("required").asBoolean(false)) {
                    continue;
                }
                value = switch (schema.path("type").asString()) {
                    case "integer" -> "1";
                    case "boolean" -> "true";
                    default -> switch (schema.path("format").asString()) {
                        case "date" -> "2026-03-01";
                        case "date-time" -> "2026-03-01T00:00:00Z";
                        case "uuid" -> UUID.randomUUID().toString();
                        default -> "x";
                    };
                };
            } else {
                value = switch (schema.path("type").asString()) {
                    case "integer" -> "-99999999999";
                    case "boolean" -> "perhaps";
                    default -> switch (schema.path("format").asString()) {
                        case "date" -> "2026-02-30";
                        case "date-time" -> "yesterday";
                        case "uuid" -> "no-uuid";
                        default -> "%25%27%22%3B--%00" + "z".repeat(3000);
                    };
                };
            }
            query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asString()).append('=').append(value);
        }
        return query.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; depth < 10; depth++) {
            if (schema.has("$ref")) {
                schema = schemas.path(schema.path("$ref").asString().substring("#/components/schemas/".length()));
            } else if (schema.has("allOf") && schema.path("allOf").size() == 1) {
                schema = schema.path("allOf").get(0);
            } else if (schema.has("oneOf") || schema.has("anyOf")) {
                JsonNode options = schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf");
                JsonNode chosen = options.get(0);
                for (JsonNode option : options) {
                    if (!"null".equals(type(option))) {
                        chosen = option;
                        break;
                    }
                }
                schema = chosen;
            } else {
                return schema;
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asString().equals("null")) {
                    return each.asString();
                }
            }
            return "null";
        }
        if (type.isMissingNode()) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
        }
        return type.asString();
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
        return properties;
    }

    private JsonNode allProperties(JsonNode schema, java.util.function.Function<JsonNode, JsonNode> value) {
        ObjectNode body = NODES.objectNode();
        properties(schema).forEach((name, property) -> body.set(name, value.apply(resolve(property))));
        return body;
    }

    private JsonNode valid(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    properties(schema).forEach((name, property) -> object.set(name, valid(property, depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("12.50"));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.stringNode(switch (schema.path("format").asString()) {
                case "date" -> "2026-03-02";
                case "date-time" -> "2026-03-02T10:00:00Z";
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "someone@example.test";
                default -> "X1";
            });
            default -> NODES.stringNode("X1");
        };
    }

    private JsonNode wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "object" -> NODES.numberNode(42);
            case "array" -> NODES.stringNode("not a list");
            case "integer", "number" -> NODES.stringNode("twelve");
            case "boolean" -> NODES.stringNode("perhaps");
            default -> {
                ObjectNode object = NODES.objectNode();
                object.put("unexpected", true);
                yield object;
            }
        };
    }

    private JsonNode extreme(JsonNode schema) {
        return switch (type(schema)) {
            case "object" -> NODES.objectNode();
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = 0; n < 200; n++) {
                    array.add(NODES.nullNode());
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999"));
            case "number" -> NODES.numberNode(new java.math.BigDecimal("-1E+400"));
            case "boolean" -> NODES.numberNode(1);
            default -> NODES.stringNode(switch (schema.path("format").asString()) {
                case "date" -> "2026-02-30";
                case "date-time" -> "2026-13-01T25:61:00Z";
                case "uuid" -> "00000000-0000-0000-0000";
                default -> "\u0000'\";--" + "x".repeat(20_000);
            });
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
