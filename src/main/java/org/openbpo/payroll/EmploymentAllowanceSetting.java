package org.openbpo.payroll;

import jakarta.validation.constraints.NotNull;

/**
 * Whether the client's UK payroll claims the Employment Allowance against its employer NICs. Only one
 * company of a group of connected companies may claim, and not a payroll whose only employee is a
 * director; the client's answer is recorded here. A client that never set it does not claim.
 */
public record EmploymentAllowanceSetting(@NotNull Boolean claims) {
}
