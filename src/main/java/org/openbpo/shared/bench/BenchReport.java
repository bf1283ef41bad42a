package org.openbpo.shared.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one benchmark run: named rows of measured values, printed as a table and as JSON. */
public final class BenchReport {

    public record Figure(String name, double value, String unit) {
    }

    private final String benchmark;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failedChecks = new ArrayList<>();

    public BenchReport(String benchmark) {
        this.benchmark = benchmark;
    }

    public BenchReport parameter(String name, Object value) {
        parameters.put(name, String.valueOf(value));
        return this;
    }

    public BenchReport figure(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit));
        return this;
    }

    public BenchReport note(String note) {
        notes.add(note);
        return this;
    }

    /**
     * A check of the benchmark's own work (nothing lost, nothing doubled, totals that agree), as against a
     * goal: a failed check makes the run's figures meaningless, and {@code ./openbpo bench} exits with 1.
     */
    public BenchReport check(boolean passed, String what) {
        if (!passed) {
            failedChecks.add(what);
        }
        return note((passed ? "check passed: " : "CHECK FAILED: ") + what);
    }

    /** What the failed checks said; empty when the run did what it measured. */
    public List<String> failedChecks() {
        return List.copyOf(failedChecks);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("benchmark ").append(benchmark).append('\n');
        int parameterWidth = parameters.keySet().stream().mapToInt(String::length).max().orElse(0);
        parameters.forEach((name, value) -> out.append(String.format("  %-" + parameterWidth + "s  %s%n", name, value)));
        int nameWidth = Math.max(40, figures.stream().mapToInt(f -> f.name().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s %16s  %s%n";
        out.append(String.format(row, "figure", "value", "unit"));
        for (Figure figure : figures) {
            out.append(String.format(row, figure.name(), format(figure.value()), figure.unit()));
        }
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        return out.toString();
    }

    public String json() {
        StringBuilder out = new StringBuilder("{\"benchmark\":").append(quote(benchmark)).append(",\"parameters\":{");
        out.append(String.join(",", parameters.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).toList()));
        out.append("},\"figures\":[");
        out.append(String.join(",", figures.stream()
                .map(f -> "{\"name\":" + quote(f.name()) + ",\"value\":" + format(f.value())
                        + ",\"unit\":" + quote(f.unit()) + "}").toList()));
        out.append("],\"notes\":[");
        out.append(String.join(",", notes.stream().map(BenchReport::quote).toList()));
        return out.append("]}").toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
