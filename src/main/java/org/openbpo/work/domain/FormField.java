package org.openbpo.work.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.money.Decimals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One typed field of a work type's form, and the rule that checks a value of it. */
public record FormField(String name, String label, FieldType type, boolean required, @Nullable Integer maxLength,
                        List<String> choices) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public FormField {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Field name '" + name + "' must be camelCase letters and digits");
        }
        if (type == null) {
            throw new IllegalArgumentException("Field '" + name + "' needs a type (" + java.util.Arrays.toString(FieldType.values()) + ")");
        }
        label = label == null || label.isBlank() ? name : label;
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("Choice field '" + name + "' needs choices");
        }
    }

    /** Why the value is not acceptable, or empty when it is. */
    public Optional<String> check(@Nullable Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return required ? Optional.of("is required") : Optional.empty();
        }
        String text = String.valueOf(value);
        if (maxLength != null && text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        return switch (type) {
            case TEXT, LONG_TEXT -> value instanceof String ? Optional.empty() : Optional.of("must be text");
            case NUMBER -> value instanceof Integer || value instanceof Long || text.matches("-?\\d{1,18}")
                    ? Optional.empty() : Optional.of("must be a whole number");
            case DECIMAL -> decimal(text) ? Optional.empty() : Optional.of("must be a decimal number");
            case DATE -> date(text) ? Optional.empty() : Optional.of("must be a date (YYYY-MM-DD)");
            case EMAIL -> EMAIL.matcher(text).matches() ? Optional.empty() : Optional.of("must be an email address");
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case CHOICE -> choices.contains(text) ? Optional.empty() : Optional.of("must be one of " + choices);
        };
    }

    private static boolean decimal(String text) {
        try {
            Decimals.parse(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
