package org.openbpo.work.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A work type as data: its states, the moves between them and who may make them, the form, the
 * checklist, whether a second person must approve (maker-checker), the QA sample rate and the
 * unit the client is billed in. Checked whole when it is defined, so the engine can trust it.
 */
public record WorkTypeDefinition(String code, String name, String initialState, List<WorkState> states,
                                 List<WorkTransition> transitions, List<FormField> fields, List<String> checklist,
                                 boolean makerChecker, BigDecimal qaSampleRate, String billableUnit) {

    public WorkTypeDefinition {
        required("code", code);
        required("name", name);
        required("initialState", initialState);
        required("states", states);
        required("qaSampleRate", qaSampleRate);
        required("billableUnit", billableUnit);
        final List<WorkState> allStates = List.copyOf(states);
        states = allStates;
        transitions = List.copyOf(transitions == null ? List.of() : transitions);
        fields = List.copyOf(fields == null ? List.of() : fields);
        checklist = List.copyOf(checklist == null ? List.of() : checklist);
        if (!code.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException("code must be lower-case letters, digits and dashes");
        }
        Set<String> codes = new HashSet<>();
        for (WorkState state : states) {
            if (!codes.add(state.code())) {
                throw new IllegalArgumentException("state " + state.code() + " is defined twice");
            }
        }
        if (!codes.contains(initialState)) {
            throw new IllegalArgumentException("initialState " + initialState + " is not one of the states");
        }
        for (WorkTransition transition : transitions) {
            if (!codes.contains(transition.from()) || !codes.contains(transition.to())) {
                throw new IllegalArgumentException("transition " + transition.from() + " -> " + transition.to()
                        + " names a state that does not exist");
            }
        }
        if (states.stream().noneMatch(s -> s.category() == StateCategory.DONE)) {
            throw new IllegalArgumentException("a work type needs at least one state of category DONE");
        }
        if (makerChecker && states.stream().noneMatch(s -> s.category() == StateCategory.REVIEW)) {
            throw new IllegalArgumentException("maker-checker needs a state of category REVIEW");
        }
        if (makerChecker && transitions.stream().anyMatch(t -> category(allStates, t.to()) == StateCategory.DONE
                && category(allStates, t.from()) != StateCategory.REVIEW)) {
            throw new IllegalArgumentException("with maker-checker, DONE can only be reached from a REVIEW state");
        }
        if (qaSampleRate.signum() < 0 || qaSampleRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("qaSampleRate must be between 0 and 1");
        }
        Set<String> fieldNames = new HashSet<>();
        for (FormField field : fields) {
            if (!fieldNames.add(field.name())) {
                throw new IllegalArgumentException("field " + field.name() + " is defined twice");
            }
        }
    }

    public WorkState state(String code) {
        return states.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state " + code));
    }

    public Optional<WorkTransition> transition(String from, String to) {
        return transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
    }

    public List<WorkTransition> transitionsFrom(String from) {
        return transitions.stream().filter(t -> t.from().equals(from)).toList();
    }

    /** Every field that is missing, unknown or of the wrong form, with the reason. */
    public Map<String, String> formProblems(Map<String, @Nullable Object> form) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FormField field : fields) {
            field.check(form.get(field.name())).ifPresent(reason -> problems.put(field.name(), reason));
        }
        for (String given : form.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(given))) {
                problems.put(given, "is not a field of " + name);
            }
        }
        return problems;
    }

    private static @Nullable StateCategory category(List<WorkState> states, String code) {
        return states.stream().filter(s -> s.code().equals(code)).map(WorkState::category).findFirst().orElse(null);
    }

    private static void required(String field, @Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
