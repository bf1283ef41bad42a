package org.openbpo.shared.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    @Test
    void aFailedCheckIsKeptAndPrintedAPassedOneOnlyPrinted() {
        BenchReport report = new BenchReport("example")
                .check(true, "every invoice equals its usage")
                .check(false, "3 of 4 receivables match");

        assertThat(report.failedChecks()).containsExactly("3 of 4 receivables match");
        assertThat(report.table()).contains("note: check passed: every invoice equals its usage")
                .contains("note: CHECK FAILED: 3 of 4 receivables match");
    }
}
