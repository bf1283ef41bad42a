package org.openbpo.billing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** Corrects an issued invoice: credits the lines given (all of them when none are given), each at most once. */
public record IssueCreditNote(@NotBlank @Size(max = 500) String reason, @Nullable List<Integer> lines) {
}
