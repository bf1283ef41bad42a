package org.openbpo.work.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

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
 * With {@code checklistRequired} the checklist is a real one: each step is ticked on the item, and the
 * engine refuses to close it as done while a step is unticked. Off by default, so every version
 * written before it existed (and every type that does not ask for it) works as it did.
 */
public record WorkTypeDefinition(String code, String name, String initialState, List<WorkState> states,
                                 List<WorkTransition> transitions, List<FormField> fields, List<String> checklist,
                                 boolean makerChecker, BigDecimal qaSampleRate, String billableUnit,
                                 Boolean checklistRequired) {

    /** A work type whose checklist is guidance only. */
    public WorkTypeDefinition(String code, String name, String initialState, List<WorkState> states,
                              List<WorkTransition> transitions, List<FormField> fields, List<String> checklist,
                              boolean makerChecker, BigDecimal qaSampleRate, String billableUnit) {
        this(code, name, initialState, states, transitions, fields, checklist, makerChecker, qaSampleRate, billableUnit, false);
    }

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
        // a wrapper, so that a definition that does not mention it (every version written before it existed, every
        // client of the API that does not know it) reads as "no" instead of being refused; never null once built
        checklistRequired = checklistRequired != null && checklistRequired;
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
        if (checklistRequired) {
            if (checklist.isEmpty()) {
                throw BusinessRuleViolation.invalid("checklistRequired",
                        "A checklist to tick before done needs a checklist with at least one step.");
            }
            Set<String> steps = new HashSet<>();
            for (String step : checklist) {
                if (step == null || step.isBlank()) {
                    throw BusinessRuleViolation.invalid("checklist", "A checklist to tick has no blank steps.");
                }
                if (!steps.add(step.strip())) {
                    throw BusinessRuleViolation.invalid("checklist", "Step '" + step.strip() + "' is listed twice.");
                }
            }
        }
        Set<String> fieldNames = new HashSet<>();
        for (FormField field : fields) {
            if (!fieldNames.add(field.name())) {
                throw new IllegalArgumentException("field " + field.name() + " is defined twice");
            }
        }
    }

    /** The same work type with its checklist required to be ticked before done, or not. */
    public WorkTypeDefinition withChecklistRequired(boolean required) {
        return new WorkTypeDefinition(code, name, initialState, states, transitions, fields, checklist, makerChecker,
                qaSampleRate, billableUnit, required);
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
