package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;

/** An employee's question about their pay: who asks, what about, which pay run (if one), and the question. */
public record RaisePayrollQuestion(@Nullable String employeeNumber, @Nullable String topic, @Nullable Long payRun,
                                   @Nullable String question) {
}
