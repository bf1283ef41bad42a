package org.openbpo.ledger;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** Reverses a posted entry: the same lines, debits and credits swapped, on the given date (default: the original's). */
public record ReverseEntry(@Nullable LocalDate date, @Nullable @Size(max = 500) String description) {
}
