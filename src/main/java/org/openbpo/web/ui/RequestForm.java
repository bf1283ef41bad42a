package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.money.Decimals;
import org.openbpo.work.WorkItem;
import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.WorkTypeDefinition;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as typed in the portal. The fields come from the work type, so they arrive as
 * {@code field.<name>} parameters and are checked by the work type's own rules before the engine
 * sees them, which lets every problem show next to its field at once.
 */
record RequestForm(String serviceLine, String title, String priority, Map<String, String> fields) {

    static final String FIELD = "field.";
    static final int TITLE_MAX = 300;

    static RequestForm blank() {
        return new RequestForm("", "", Priority.NORMAL.name(), Map.of());
    }

    static RequestForm from(Map<String, String> params) {
        Map<String, String> fields = new HashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith(FIELD)) {
                fields.put(key.substring(FIELD.length()), value);
            }
        });
        return new RequestForm(params.getOrDefault("serviceLine", ""), params.getOrDefault("title", ""),
                params.getOrDefault("priority", Priority.NORMAL.name()), fields);
    }

    /** The item's form as its fields were filled in, ready to be changed. */
    static RequestForm filledFrom(WorkItem item) {
        Map<String, String> fields = new HashMap<>();
        item.form().forEach((field, value) -> {
            if (!Boolean.FALSE.equals(value)) {
                fields.put(field, String.valueOf(value));
            }
        });
        return new RequestForm(item.serviceLine(), item.title(), item.priority().name(), fields);
    }

    public String value(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return fields.containsKey(field);
    }

    Priority priorityOrNormal() {
        try {
            return Priority.valueOf(priority);
        } catch (IllegalArgumentException e) {
            return Priority.NORMAL;
        }
    }

    FormErrors check(WorkTypeDefinition type) {
        FormErrors errors = FormErrors.none();
        if (title.isBlank()) {
            errors.add("title", "Give the request a short title.");
        } else if (title.strip().length() > TITLE_MAX) {
            errors.add("title", "must be at most " + TITLE_MAX + " characters");
        }
        type.formProblems(values(type)).forEach((name, problem) -> errors.add(FIELD + name, problem));
        return errors;
    }

    /** The typed values as the engine stores them: numbers as numbers, ticks as true or false, blanks left out. */
    Map<String, @Nullable Object> values(WorkTypeDefinition type) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (FormField field : type.fields()) {
            String raw = fields.get(field.name());
            if (field.type() == FieldType.BOOLEAN) {
                values.put(field.name(), raw != null);
            } else if (raw != null && !raw.isBlank()) {
                values.put(field.name(), typed(field.type(), raw.strip()));
            }
        }
        return values;
    }

    /** Every field of the work type with its value as typed now; null clears a field left blank. */
    Map<String, @Nullable Object> changes(WorkTypeDefinition type) {
        Map<String, @Nullable Object> values = values(type);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        type.fields().forEach(field -> changes.put(field.name(), values.get(field.name())));
        return changes;
    }

    private static Object typed(FieldType type, String raw) {
        try {
            return switch (type) {
                case NUMBER -> Long.parseLong(raw);
                case DECIMAL -> Decimals.parse(raw);
                default -> raw;
            };
        } catch (NumberFormatException e) {
            return raw; // left as typed, so the work type's rule names the problem
        }
    }
}
