package org.openbpo.payroll;

/** A re-opened run: the run itself (now REVERSED), the reversal run that negates it, and the correction run to check and pay. */
public record Reopened(PayRun reversed, PayRun reversal, PayRun correction) {
}
