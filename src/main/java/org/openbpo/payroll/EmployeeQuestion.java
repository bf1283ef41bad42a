package org.openbpo.payroll;

import java.time.Instant;

/** One of an employee's payroll questions, as the employee's history lists it. */
public record EmployeeQuestion(long workItemId, String reference, String title, String state, String status,
                               Instant createdAt) {
}
