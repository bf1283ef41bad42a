package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, by field, so the page can say it next to the input.
 * Messages from the bean validation and from the facades' rules end up in the same place.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(BindingResult binding) {
        FormErrors errors = new FormErrors();
        for (FieldError error : binding.getFieldErrors()) {
            errors.fields.putIfAbsent(error.getField(), error.isBindingFailure()
                    ? "has an invalid value" : String.valueOf(error.getDefaultMessage()));
        }
        binding.getGlobalErrors().forEach(error -> errors.general.add(String.valueOf(error.getDefaultMessage())));
        return errors;
    }

    /** A rule's message goes next to its field when the form has one, else above the form. */
    FormErrors add(BusinessRuleViolation violation, List<String> formFields) {
        String field = violation.field();
        if (field != null && formFields.contains(field)) {
            fields.putIfAbsent(field, violation.getMessage());
        } else {
            general.add(violation.getMessage());
        }
        return this;
    }

    /** A problem the page found itself; the first one per field is the one shown. */
    FormErrors add(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    FormErrors addGeneral(String message) {
        general.add(message);
        return this;
    }

    /** How many problems were noted so far, so a reader can tell whether one row added any. */
    int count() {
        return fields.size() + general.size();
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public @Nullable String of(String field) {
        return fields.get(field);
    }

    public List<String> general() {
        return List.copyOf(general);
    }
}
