package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Role;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A work type as typed on its editor: every input kept as text, so a page shown again with errors gives
 * back exactly what was typed. Rows are numbered in the parameters ({@code states[0].code}); rows left
 * blank, and rows ticked for removal, mean nothing. {@link WorkTypeFormReader} turns it into a definition.
 */
record WorkTypeForm(String code, String name, String initialState, List<StateRow> states, List<MoveRow> moves,
                    List<FieldRow> fields, String checklist, boolean checklistRequired, boolean makerChecker,
                    String qaPercent, String billableUnit) {

    static final int SPARE_ROWS = 3;
    /** More rows than any sensible work type has: a tampered form cannot make the page build millions. */
    static final int MAX_ROWS = 200;

    record StateRow(String code, String label, String category, boolean remove) {
        boolean blank() {
            return remove || (code + label).isBlank();
        }
    }

    record MoveRow(String from, String to, String label, Set<String> roles, boolean remove) {
        boolean blank() {
            return remove || (from + to + label).isBlank();
        }

        public boolean allows(String role) {
            return roles.contains(role);
        }

        /** Who may take the move, in words, for the closed list of roles. */
        public String who() {
            return roles.isEmpty() ? "Provider staff" : Arrays.stream(Role.values()).filter(r -> roles.contains(r.name()))
                    .map(Role::label).collect(Collectors.joining(", "));
        }
    }

    record FieldRow(String name, String label, String type, boolean required, String choices, String maxLength,
                    boolean remove) {
        boolean blank() {
            return remove || (name + label + choices + maxLength).isBlank();
        }
    }

    /** A new work type: one state of each kind every work type needs, to rename or add to. */
    static WorkTypeForm blank() {
        return new WorkTypeForm("", "", "new", rows(List.of(new StateRow("new", "New", "NEW", false),
                new StateRow("open", "Open", "OPEN", false), new StateRow("done", "Done", "DONE", false),
                new StateRow("cancelled", "Cancelled", "CANCELLED", false)), 4 + SPARE_ROWS, WorkTypeForm::blankState),
                rows(List.of(new MoveRow("new", "open", "Start", Set.of(), false),
                        new MoveRow("open", "done", "Complete", Set.of(), false),
                        new MoveRow("new", "cancelled", "Cancel", Set.of(), false)), 3 + SPARE_ROWS, WorkTypeForm::blankMove),
                rows(List.of(), SPARE_ROWS, WorkTypeForm::blankField), "", false, false, "5", "item");
    }

    /** The version shown, to be changed into the next one. */
    static WorkTypeForm of(WorkTypeDefinition type) {
        List<StateRow> states = type.states().stream().map(s -> new StateRow(s.code(), s.label(), s.category().name(), false)).toList();
        List<MoveRow> moves = type.transitions().stream().map(WorkTypeForm::row).toList();
        List<FieldRow> fields = type.fields().stream().map(WorkTypeForm::row).toList();
        return new WorkTypeForm(type.code(), type.name(), type.initialState(),
                rows(states, states.size() + SPARE_ROWS, WorkTypeForm::blankState),
                rows(moves, moves.size() + SPARE_ROWS, WorkTypeForm::blankMove),
                rows(fields, fields.size() + SPARE_ROWS, WorkTypeForm::blankField),
                String.join("\n", type.checklist()), type.checklistRequired(), type.makerChecker(),
                type.qaSampleRate().movePointRight(2).stripTrailingZeros().toPlainString(), type.billableUnit());
    }

    /** What was sent; a parameter missing or repeated reads as empty or its first value. */
    static WorkTypeForm from(Map<String, String> params) {
        List<StateRow> states = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && params.containsKey("states[" + i + "].code"); i++) {
            String row = "states[" + i + "].";
            states.add(new StateRow(param(params, row + "code"), param(params, row + "label"), param(params, row + "category"),
                    ticked(params, row + "remove")));
        }
        List<MoveRow> moves = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && params.containsKey("moves[" + i + "].from"); i++) {
            String row = "moves[" + i + "].";
            Set<String> roles = new LinkedHashSet<>();
            params.forEach((key, value) -> {
                if (key.startsWith(row + "role.") && !value.isBlank()) {
                    roles.add(key.substring((row + "role.").length()));
                }
            });
            moves.add(new MoveRow(param(params, row + "from"), param(params, row + "to"), param(params, row + "label"), roles,
                    ticked(params, row + "remove")));
        }
        List<FieldRow> fields = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && params.containsKey("fields[" + i + "].name"); i++) {
            String row = "fields[" + i + "].";
            fields.add(new FieldRow(param(params, row + "name"), param(params, row + "label"), param(params, row + "type"),
                    ticked(params, row + "required"), param(params, row + "choices"), param(params, row + "maxLength"),
                    ticked(params, row + "remove")));
        }
        return new WorkTypeForm(param(params, "code"), param(params, "name"), param(params, "initialState"),
                withSpare(states, StateRow::blank, WorkTypeForm::blankState),
                withSpare(moves, MoveRow::blank, WorkTypeForm::blankMove),
                withSpare(fields, FieldRow::blank, WorkTypeForm::blankField), params.getOrDefault("checklist", ""),
                ticked(params, "checklistRequired"), ticked(params, "makerChecker"), param(params, "qaPercent"),
                param(params, "billableUnit"));
    }

    /** The same form for the work type of this code: an existing type's code is not changed on its editor. */
    WorkTypeForm withCode(String code) {
        return new WorkTypeForm(code, name, initialState, states, moves, fields, checklist, checklistRequired, makerChecker,
                qaPercent, billableUnit);
    }

    /** The states' codes as typed, for the move rows' choices (a state being added is a choice already). */
    public List<StateRow> namedStates() {
        return states.stream().filter(s -> !s.code().isBlank()).toList();
    }

    private static MoveRow row(WorkTransition t) {
        return new MoveRow(t.from(), t.to(), t.label(), Set.copyOf(t.roles()), false);
    }

    private static FieldRow row(FormField f) {
        return new FieldRow(f.name(), f.label(), f.type().name(), f.required(), String.join(", ", f.choices()),
                f.maxLength() == null ? "" : f.maxLength().toString(), false);
    }

    /** A page sent back keeps its rows, numbered as they were, and has spare ones again when all were filled. */
    private static <T> List<T> withSpare(List<T> rows, Predicate<T> blank, Supplier<T> spare) {
        return rows.stream().anyMatch(blank) ? rows : rows(rows, rows.size() + SPARE_ROWS, spare);
    }

    private static <T> List<T> rows(List<T> given, int count, Supplier<T> blank) {
        List<T> rows = new ArrayList<>(given);
        while (rows.size() < count) {
            rows.add(blank.get());
        }
        return rows;
    }

    private static StateRow blankState() {
        return new StateRow("", "", "", false);
    }

    private static MoveRow blankMove() {
        return new MoveRow("", "", "", Set.of(), false);
    }

    private static FieldRow blankField() {
        return new FieldRow("", "", "", false, "", "", false);
    }

    private static boolean ticked(Map<String, String> params, String key) {
        String value = params.get(key);
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }

    private static String param(Map<String, String> params, String key) {
        @Nullable String value = params.get(key);
        return value == null ? "" : value.strip();
    }
}
