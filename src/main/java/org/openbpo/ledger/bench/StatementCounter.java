package org.openbpo.ledger.bench;

import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.StatementStats;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Counts the statements PostgreSQL runs during a phase of the ledger benchmark, nested ones too
 * (the statement triggers' queries). Statements per entry, unlike throughput, do not move when
 * other programs load the machine. On an external server (no local superuser) nothing is counted.
 */
@Component
class StatementCounter {

    private final StatementStats statements;

    StatementCounter(StatementStats statements) {
        this.statements = statements;
    }

    /** Starts counting (from zero); false when the server cannot count. */
    boolean start() {
        return statements.start(StatementStats.Track.ALL);
    }

    /** Stops counting and reports the statements per entry, with the {@code top} heaviest by time. */
    void stop(String phase, long entries, int top, BenchReport report) {
        statements.stop();
        try {
            StatementStats.Counts counts = statements.counts();
            long n = Math.max(1, entries);
            report.figure(phase + ": statements per entry (sent by the application)", counts.sent() / (double) n, "statements")
                    .figure(phase + ": statements per entry (run inside triggers)", counts.nested() / (double) n, "statements");
            if (top > 0) {
                for (StatementStats.Counted counted : statements.heaviest(top, StatementStats.Order.TIME)) {
                    report.note(String.format(Locale.ROOT, "%s: %.3f per entry, %7.0f ms, %.1f µs per entry%s  %s", phase,
                            counted.calls() / (double) n, counted.millis(), counted.millis() * 1e3 / n,
                            counted.sent() ? "" : " (in a trigger)", counted.shortQuery(140)));
                }
            }
        } catch (SQLException e) {
            report.note(phase + ": statements not counted (" + e.getMessage() + ")");
        }
    }
}
