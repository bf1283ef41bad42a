package org.openbpo.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./openbpo bench --smoke} as a developer runs it before a change lands: every benchmark starts on its
 * own throw-away server at its smallest size and passes its own checks (nothing lost, nothing doubled,
 * totals that agree). The figures of so small a run mean nothing; a benchmark that no longer starts does.
 */
class BenchmarksSmokeTest {

    private static final Pattern RESULT = Pattern.compile("(?m)^smoke (\\S+)\\s+[0-9.]+ s  (.*)$");

    @Test
    void everyBenchmarkStartsAndPassesItsChecksAtItsSmallestSize() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(new OpenBpoCommand()).execute("bench", "--smoke");
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        List<MatchResult> results = RESULT.matcher(output).results().toList();
        results.forEach(r -> console.println(r.group()));
        List<String> ran = results.stream().map(r -> r.group(1) + " " + r.group(2)).toList();

        assertThat(ran).as("each benchmark's outcome").allSatisfy(line -> assertThat(line).endsWith(" ok"));
        assertThat(ran.stream().map(line -> line.substring(0, line.indexOf(' '))))
                .containsAll(List.of("billing", "email-intake", "get-next", "ledger", "payables", "payables-mail", "payroll",
                        "receivables", "scorecard", "sla-timers", "tickets", "work-lifecycle"));
        assertThat(output).contains("every benchmark ran and passed its checks");
        assertThat(exitCode).isZero();
    }
}
