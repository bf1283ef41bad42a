package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One employee's payslip in a pay run. Its number exists once the run is finalised. Sections of lines:
 * EARNING, TAX (income tax and the employee's contributions), DEDUCTION (after tax), EMPLOYER (costs
 * on top of pay, not deducted).
 */
public record Payslip(long runId, UUID employeeId, String employeeNumber, String employeeName, @Nullable Long number,
                      String currency, String gross, String tax, String employeeContributions, String employerContributions,
                      String deductions, String net, boolean hasBankAccount, List<String> anomalies, List<Line> lines) {

    public record Line(String section, String code, String amount, @Nullable String base, String rule) {
    }
}
