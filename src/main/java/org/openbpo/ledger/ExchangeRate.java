package org.openbpo.ledger;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.time.LocalDate;

/** On {@code day}, one unit of {@code from} is worth {@code rate} units of {@code to}. */
public record ExchangeRate(@NotNull @Pattern(regexp = "[A-Z]{3}") String from,
                           @NotNull @Pattern(regexp = "[A-Z]{3}") String to,
                           @NotNull LocalDate day, @NotNull @Positive BigDecimal rate) {
}
