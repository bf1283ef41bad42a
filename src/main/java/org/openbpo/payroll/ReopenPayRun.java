package org.openbpo.payroll;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a finalised run is re-opened (a reversal and a correction run follow). */
public record ReopenPayRun(@NotBlank @Size(max = 500) String reason) {
}
