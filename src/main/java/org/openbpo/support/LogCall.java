package org.openbpo.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An agent logs a call the telephony did not report: who, which way, when, and what was said. */
public record LogCall(@NotBlank @Pattern(regexp = "\\+?[0-9 ()./-]{6,30}", message = "is not a phone number") String caller,
                      Call.@Nullable Direction direction,
                      @NotNull Instant startedAt,
                      @NotNull Instant endedAt,
                      @Nullable @Pattern(regexp = "WI-\\d{1,18}", message = "is not a ticket reference (WI-…)") String ticket,
                      @NotBlank @Size(max = 20_000) String note) {
}
