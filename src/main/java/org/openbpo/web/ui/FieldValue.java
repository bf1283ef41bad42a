package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.work.WorkItem;
import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.WorkTypeDefinition;

import java.util.List;

/** One filled-in field of an item's form, labelled as its work type names it. */
public record FieldValue(String label, String value, boolean longText) {

    static List<FieldValue> of(WorkTypeDefinition type, WorkItem item) {
        return type.fields().stream().map(field -> {
            Object value = item.form().get(field.name());
            return new FieldValue(field.label(), text(field, value), field.type() == FieldType.LONG_TEXT);
        }).toList();
    }

    private static String text(FormField field, @Nullable Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return "—";
        }
        if (field.type() == FieldType.BOOLEAN) {
            return Boolean.TRUE.equals(value) ? "Yes" : "No";
        }
        return String.valueOf(value);
    }
}
