package org.openbpo.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/** The exchange rate in force on a day: the latest one quoted on or before it. */
public interface Rates {

    Optional<BigDecimal> on(LocalDate day, Currency from, Currency to);
}
