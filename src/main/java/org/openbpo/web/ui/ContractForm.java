package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.tenancy.Client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A contract as typed: every input kept as text, so a page shown again with errors gives back
 * exactly what was typed. Rows are numbered in the parameters ({@code lines[0].code}); blank rows
 * are spare rows and mean nothing. {@link ContractFormReader} turns it into the engine's commands.
 */
record ContractForm(String reference, String title, String currency, String startsOn, String endsOn, String zone,
                    Map<DayOfWeek, String> week, String holidays, String specialDays, List<LineRow> lines, List<TargetRow> targets,
                    List<KpiRow> kpis, String note) {

    static final int LINE_ROWS = 3;
    static final int TARGET_ROWS = 8;
    static final int KPI_ROWS = 4;
    static final int SPARE_ROWS = 2;

    record LineRow(String code, String name, String kind, String workType) {
        boolean blank() {
            return (code + name + workType).isBlank();
        }
    }

    record TargetRow(String serviceLine, String priority, String firstResponse, String resolution, String turnaroundDays,
                     String cutOff, String warningPercent) {
        boolean blank() {
            return (serviceLine + priority + firstResponse + resolution + turnaroundDays + cutOff).isBlank();
        }

        /** The typed text of one of the {@link #TARGET_CELLS}. */
        public String cell(String name) {
            return switch (name) {
                case "firstResponse" -> firstResponse;
                case "resolution" -> resolution;
                case "turnaroundDays" -> turnaroundDays;
                case "cutOff" -> cutOff;
                case "warningPercent" -> warningPercent;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    /** The free-text cells of an SLA target row, in the order of the table's columns. */
    record Cell(String name, String label, String placeholder) {
    }

    static final List<Cell> TARGET_CELLS = List.of(new Cell("firstResponse", "First response in minutes", ""),
            new Cell("resolution", "Resolution in minutes", ""), new Cell("turnaroundDays", "Turnaround in business days", ""),
            new Cell("cutOff", "Cut-off time", "17:00"), new Cell("warningPercent", "Warn at percent used", "80"));

    record KpiRow(String serviceLine, String kpi, String target) {
        boolean blank() {
            return (serviceLine + kpi + target).isBlank();
        }
    }

    /** A new contract starts today, on the client's zone and currency, Monday to Friday 09:00–17:30. */
    static ContractForm blank(Client client, LocalDate today) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day.getValue() <= 5 ? "09:00-17:30" : "");
        }
        return new ContractForm("", "", client.currency().getCurrencyCode(), today.toString(),
                "", client.timeZone().getId(), week, "", "", rows(List.of(), LINE_ROWS, ContractForm::blankLine),
                rows(List.of(), TARGET_ROWS, ContractForm::blankTarget), rows(List.of(), KPI_ROWS, ContractForm::blankKpi), "");
    }

    /** The current terms, to be revised. */
    static ContractForm of(Contract contract) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, contract.calendar().week().getOrDefault(day, ""));
        }
        List<LocalDate> holidays = contract.calendar().holidays() == null ? List.of() : contract.calendar().holidays();
        List<TargetRow> targets = inOrder(contract.slaTargets()).stream().map(ContractForm::row).toList();
        List<KpiRow> kpis = contract.kpiTargets().stream()
                .map(k -> new KpiRow(k.serviceLine(), k.kpi().name(), k.target().stripTrailingZeros().toPlainString())).toList();
        return new ContractForm(contract.reference(), contract.title(), contract.currency(), contract.startsOn().toString(),
                contract.endsOn() == null ? "" : contract.endsOn().toString(), contract.calendar().zone(), week,
                holidays.stream().map(LocalDate::toString).collect(Collectors.joining("\n")),
                contract.calendar().specialDays() == null ? "" : new java.util.TreeMap<>(contract.calendar().specialDays()).entrySet()
                        .stream().map(day -> day.getKey() + " " + day.getValue()).collect(Collectors.joining("\n")), List.of(),
                rows(targets, Math.max(TARGET_ROWS, targets.size() + SPARE_ROWS), ContractForm::blankTarget),
                rows(kpis, Math.max(KPI_ROWS, kpis.size() + SPARE_ROWS), ContractForm::blankKpi), "");
    }

    static ContractForm from(Map<String, String> params) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, param(params, "week." + day));
        }
        List<LineRow> lines = new ArrayList<>();
        for (int i = 0; params.containsKey("lines[" + i + "].code"); i++) {
            String row = "lines[" + i + "].";
            lines.add(new LineRow(param(params, row + "code"), param(params, row + "name"), param(params, row + "kind"),
                    param(params, row + "workType")));
        }
        List<TargetRow> targets = new ArrayList<>();
        for (int i = 0; params.containsKey("targets[" + i + "].serviceLine"); i++) {
            String row = "targets[" + i + "].";
            targets.add(new TargetRow(param(params, row + "serviceLine"), param(params, row + "priority"),
                    param(params, row + "firstResponse"), param(params, row + "resolution"),
                    param(params, row + "turnaroundDays"), param(params, row + "cutOff"), param(params, row + "warningPercent")));
        }
        List<KpiRow> kpis = new ArrayList<>();
        for (int i = 0; params.containsKey("kpis[" + i + "].serviceLine"); i++) {
            String row = "kpis[" + i + "].";
            kpis.add(new KpiRow(param(params, row + "serviceLine"), param(params, row + "kpi"), param(params, row + "target")));
        }
        return new ContractForm(param(params, "reference"), param(params, "title"), param(params, "currency"),
                param(params, "startsOn"), param(params, "endsOn"), param(params, "zone"), week, param(params, "holidays"),
                param(params, "specialDays"), lines, targets, kpis, param(params, "note"));
    }

    /** Targets as people read them: by service line, then from the lowest priority to the most urgent. */
    static List<SlaTarget> inOrder(List<SlaTarget> targets) {
        return targets.stream().sorted(Comparator.comparing(SlaTarget::serviceLine)
                .thenComparing(SlaTarget::priority)).toList();
    }

    public List<Cell> targetCells() {
        return TARGET_CELLS;
    }

    public List<DayOfWeek> days() {
        return List.of(DayOfWeek.values());
    }

    private static TargetRow row(SlaTarget t) {
        return new TargetRow(t.serviceLine(), t.priority().name(), text(t.firstResponseMinutes()), text(t.resolutionMinutes()),
                text(t.turnaroundDays()), t.cutOff() == null ? "" : t.cutOff().toString(),
                t.warningShare() == null ? "" : t.warningShare().movePointRight(2).stripTrailingZeros().toPlainString());
    }

    private static String text(@Nullable Integer value) {
        return value == null ? "" : value.toString();
    }

    private static <T> List<T> rows(List<T> given, int count, Supplier<T> blank) {
        List<T> rows = new ArrayList<>(given);
        while (rows.size() < count) {
            rows.add(blank.get());
        }
        return rows;
    }

    private static LineRow blankLine() {
        return new LineRow("", "", "", "");
    }

    private static TargetRow blankTarget() {
        return new TargetRow("", "", "", "", "", "", "");
    }

    private static KpiRow blankKpi() {
        return new KpiRow("", "", "");
    }

    private static String param(Map<String, String> params, String key) {
        String value = params.get(key);
        return value == null ? "" : value.strip();
    }
}
