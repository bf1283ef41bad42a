package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Decimals;
import org.openbpo.tenancy.Role;
import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@link WorkTypeForm} into a {@link WorkTypeDefinition}, noting every problem next to its row
 * and input, so the administrator fixes them all in one go. The definition checks itself again when it
 * is built; this only makes its answers arrive where they belong.
 */
final class WorkTypeFormReader {

    private static final Pattern TYPE_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern STATE_CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    private static final int MAX_LENGTH = 100_000;

    private final WorkTypeForm form;
    private final FormErrors errors;

    WorkTypeFormReader(WorkTypeForm form, FormErrors errors) {
        this.form = form;
        this.errors = errors;
    }

    /** The definition, or null when the form has problems (they are in the errors). */
    @Nullable WorkTypeDefinition definition() {
        if (!TYPE_CODE.matcher(form.code()).matches()) {
            errors.add("code", "must be 2 to 40 lower-case letters, digits and dashes, starting with a letter");
        }
        text("name", form.name(), true, 120);
        Map<String, @Nullable WorkState> states = states();
        if (!states.containsKey(form.initialState())) {
            errors.add("initialState", "choose one of the states");
        }
        List<WorkTransition> moves = moves(states);
        List<FormField> fields = fields();
        List<String> checklist = checklist();
        BigDecimal rate = rate();
        text("billableUnit", form.billableUnit(), true, 40);
        if (errors.any()) {
            return null;
        }
        try {
            return new WorkTypeDefinition(form.code(), form.name(), form.initialState(),
                    states.values().stream().filter(Objects::nonNull).toList(), moves,
                    fields, checklist, form.makerChecker(), rate, form.billableUnit(), form.checklistRequired());
        } catch (BusinessRuleViolation e) {
            errors.add(e, List.of("checklist", "checklistRequired"));
        } catch (IllegalArgumentException e) {
            errors.addGeneral("The work type is not valid: " + e.getMessage() + ".");
        }
        return null;
    }

    /** The states kept, by code; a code whose row has a problem maps to null, so moves naming it are not told as well. */
    private Map<String, @Nullable WorkState> states() {
        Map<String, @Nullable WorkState> states = new LinkedHashMap<>();
        List<WorkTypeForm.StateRow> rows = form.states();
        for (int i = 0; i < rows.size(); i++) {
            WorkTypeForm.StateRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String at = "states[" + i + "].";
            int before = errors.count();
            if (!STATE_CODE.matcher(row.code()).matches()) {
                errors.add(at + "code", "must be lower_snake_case: letters, digits and underscores, starting with a letter");
            } else if (states.containsKey(row.code())) {
                errors.add(at + "code", "state " + row.code() + " is listed twice");
            }
            text(at + "label", row.label(), false, 120);
            StateCategory category = choice(StateCategory.class, row.category());
            if (category == null) {
                errors.add(at + "category", "choose what the state means");
            }
            if (errors.count() == before) {
                states.put(row.code(), new WorkState(row.code(), row.label(), category));
            } else if (STATE_CODE.matcher(row.code()).matches()) {
                states.putIfAbsent(row.code(), null); // known, so moves naming it are not reported as well
            }
        }
        if (states.isEmpty()) {
            errors.add("states", "A work type needs its states.");
        } else if (!means(StateCategory.DONE)) {
            errors.add("states", "A work type needs at least one state meaning Done: work has to be able to finish.");
        }
        if (form.makerChecker() && !means(StateCategory.REVIEW)) {
            errors.add("makerChecker", "needs a state meaning Review, where the second person approves");
        }
        return states;
    }

    private List<WorkTransition> moves(Map<String, @Nullable WorkState> states) {
        List<WorkTransition> moves = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> roleNames = new HashSet<>(Arrays.stream(Role.values()).map(Role::name).toList());
        List<WorkTypeForm.MoveRow> rows = form.moves();
        for (int i = 0; i < rows.size(); i++) {
            WorkTypeForm.MoveRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String at = "moves[" + i + "].";
            int before = errors.count();
            state(at + "from", row.from(), states);
            state(at + "to", row.to(), states);
            if (errors.count() == before && !seen.add(row.from() + " " + row.to())) {
                errors.add(at + "to", "a move from " + row.from() + " to " + row.to() + " is listed twice");
            }
            text(at + "label", row.label(), true, 60);
            if (!roleNames.containsAll(row.roles())) {
                errors.add(at + "roles", "choose from the roles listed");
            }
            WorkState from = states.get(row.from());
            WorkState to = states.get(row.to());
            if (form.makerChecker() && from != null && to != null && to.category() == StateCategory.DONE
                    && from.category() != StateCategory.REVIEW) {
                errors.add(at + "from", "with maker-checker, work reaches Done only from a state meaning Review");
            }
            if (errors.count() == before) {
                moves.add(new WorkTransition(row.from(), row.to(), row.label(), row.roles()));
            }
        }
        return moves;
    }

    private List<FormField> fields() {
        List<FormField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<WorkTypeForm.FieldRow> rows = form.fields();
        for (int i = 0; i < rows.size(); i++) {
            WorkTypeForm.FieldRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String at = "fields[" + i + "].";
            int before = errors.count();
            if (!FIELD_NAME.matcher(row.name()).matches()) {
                errors.add(at + "name", "must be camelCase letters and digits, starting with a lower-case letter");
            } else if (!names.add(row.name())) {
                errors.add(at + "name", "field " + row.name() + " is listed twice");
            }
            text(at + "label", row.label(), false, 120);
            FieldType type = choice(FieldType.class, row.type());
            if (type == null) {
                errors.add(at + "type", "choose the kind of value");
            }
            List<String> choices = Arrays.stream(row.choices().split(",")).map(String::strip).filter(c -> !c.isEmpty())
                    .distinct().toList();
            if (type == FieldType.CHOICE && choices.isEmpty()) {
                errors.add(at + "choices", "list the choices, separated by commas");
            } else if (type != null && type != FieldType.CHOICE && !choices.isEmpty()) {
                errors.add(at + "choices", "only a Choice field has choices");
            } else if (row.choices().length() > 2_000) {
                errors.add(at + "choices", "must be at most 2000 characters");
            }
            Integer maxLength = null;
            if (!row.maxLength().isBlank()) {
                try {
                    maxLength = Integer.valueOf(row.maxLength());
                } catch (NumberFormatException e) {
                    // told below
                }
                if (maxLength == null || maxLength < 1 || maxLength > MAX_LENGTH) {
                    errors.add(at + "maxLength", "must be a whole number from 1 to " + MAX_LENGTH);
                }
            }
            if (errors.count() == before) {
                fields.add(new FormField(row.name(), row.label(), type, row.required(), maxLength, choices));
            }
        }
        return fields;
    }

    private List<String> checklist() {
        List<String> steps = form.checklist().lines().map(String::strip).filter(step -> !step.isEmpty()).toList();
        Set<String> seen = new HashSet<>();
        for (String step : steps) {
            if (step.length() > 200) {
                errors.add("checklist", "a step is at most 200 characters");
            } else if (!seen.add(step)) {
                errors.add("checklist", "step '" + step + "' is listed twice");
            }
        }
        if (form.checklistRequired() && steps.isEmpty()) {
            errors.add("checklistRequired", "needs a checklist with at least one step to tick");
        }
        return steps;
    }

    private BigDecimal rate() {
        try {
            String typed = form.qaPercent().endsWith("%") ? form.qaPercent().substring(0, form.qaPercent().length() - 1) : form.qaPercent();
            BigDecimal percent = Decimals.parse(typed.strip());
            if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0
                    && percent.stripTrailingZeros().scale() <= 2) {
                return percent.movePointLeft(2);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add("qaPercent", "must be a percentage from 0 to 100, such as 5 or 2.5");
        return BigDecimal.ZERO;
    }

    /** Whether a row kept on the form gives a state this meaning, typed well or not: a typo elsewhere is told there. */
    private boolean means(StateCategory category) {
        return form.states().stream().anyMatch(row -> !row.blank() && row.category().equals(category.name()));
    }

    private void state(String field, String code, Map<String, @Nullable WorkState> states) {
        if (code.isBlank()) {
            errors.add(field, "choose a state");
        } else if (!states.containsKey(code)) {
            errors.add(field, "no state " + code + " among the states above");
        }
    }

    private void text(String field, String value, boolean required, int max) {
        if (required && value.isBlank()) {
            errors.add(field, "is required");
        } else if (value.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String value) {
        try {
            return value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
