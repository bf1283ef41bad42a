package org.openbpo.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operations of the API as its OpenAPI document publishes them, for tests that call every one. */
public final class PublishedApi {

    private PublishedApi() {
    }

    /** One operation: its method, its path template and its OpenAPI description. */
    public record Operation(String method, String template, JsonNode spec) {
        public List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            spec.path("parameters").forEach(parameters::add);
            return parameters;
        }

        public String name() {
            return method + " " + template;
        }
    }

    public static List<Operation> operations(Api api) {
        List<Operation> operations = new ArrayList<>();
        for (var path : api.get("/api/docs.json").body().path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        }
        return operations;
    }

    /**
     * The operation's path about real records of the client: each id is the first of the list the path
     * names before it ({@code …/invoices/{invoiceId}} takes the first of {@code …/invoices}); null when
     * a list is empty or not published.
     */
    public static String realPath(Api api, String template, String clientId, Map<String, JsonNode> lists) {
        if (!template.startsWith("/api/v1/clients/{clientId}/")) {
            return null;
        }
        String path = template.replace("{clientId}", clientId);
        int open;
        while ((open = path.indexOf('{')) >= 0) {
            int close = path.indexOf('}', open);
            String parameter = path.substring(open + 1, close);
            String list = path.substring(0, open - 1);
            JsonNode first = lists.computeIfAbsent(list, l -> firstOf(api.get(l).body()));
            JsonNode value = first.has(parameter) ? first.path(parameter)
                    : parameter.endsWith("Id") && first.has("id") ? first.path("id") : null;
            if (value == null || value.isNull() || value.asString().isEmpty()) {
                return null;
            }
            path = path.substring(0, open) + value.asString() + path.substring(close + 1);
        }
        return path;
    }

    public static JsonNode firstOf(JsonNode list) {
        if (list.isArray()) {
            return list.isEmpty() ? MissingNode.getInstance() : list.get(0);
        }
        for (var property : list.properties()) {
            if (property.getValue().isArray() && !property.getValue().isEmpty()) {
                return property.getValue().get(0);
            }
        }
        return MissingNode.getInstance();
    }

}
