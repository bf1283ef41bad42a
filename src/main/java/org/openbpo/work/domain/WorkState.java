package org.openbpo.work.domain;

/** A state of a work type: its own name and what it means to the engine. */
public record WorkState(String code, String label, StateCategory category) {

    public WorkState {
        if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("State code '" + code + "' must be lower_snake_case");
        }
        if (category == null) {
            throw new IllegalArgumentException("State '" + code + "' needs a category (" + java.util.Arrays.toString(StateCategory.values()) + ")");
        }
        label = label == null || label.isBlank() ? code : label;
    }
}
