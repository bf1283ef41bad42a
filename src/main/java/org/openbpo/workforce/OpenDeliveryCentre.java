package org.openbpo.workforce;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/** Opens a delivery centre (and, with the same code, changes its details). */
public record OpenDeliveryCentre(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2 to 20 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull Shore shore,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country,
        @NotBlank @Size(max = 64) @Schema(example = "Asia/Manila") String timeZone,
        @Schema(description = "Cost of one agent hour in minor units of the currency", example = "1450") long costPerAgentHourMinor,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String costCurrency,
        @Nullable List<@Valid ShiftInterval> weeklyShifts,
        @Nullable List<LocalDate> holidays) {
}
