package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A payroll question as raised: its work item, where it stands, and whose it is. */
public record PayrollQuestion(long workItemId, String reference, String title, String state, String status,
                              String serviceLine, UUID employeeId, String employeeNumber, String employeeName, String topic,
                              @Nullable Long payRun, Instant createdAt) {
}
