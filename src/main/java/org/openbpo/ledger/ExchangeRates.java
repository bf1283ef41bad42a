package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.domain.Rates;
import org.openbpo.ledger.persistence.RateRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Exchange rates per client and day, used to value foreign-currency lines and to revalue balances. */
@Service
public class ExchangeRates {

    private final RateRows rows;
    private final Books books;
    private final AuditTrail audit;

    ExchangeRates(RateRows rows, Books books, AuditTrail audit) {
        this.rows = rows;
        this.books = books;
        this.audit = audit;
    }

    @Transactional
    public ExchangeRate quote(UUID client, ExchangeRate rate) {
        books.book(client);
        for (String code : List.of(rate.from(), rate.to())) {
            try {
                Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                throw BusinessRuleViolation.invalid(code.equals(rate.from()) ? "from" : "to", code + " is not an ISO 4217 currency code.");
            }
        }
        BigDecimal stored = rate.rate().stripTrailingZeros();
        if (stored.scale() > 12 || stored.precision() - stored.scale() > 12) {
            // numeric(24,12): more decimals would be rounded away, to nothing for a tiny rate
            throw BusinessRuleViolation.invalid("rate", rate.rate().toPlainString()
                    + " has more than 12 decimals or 12 digits before the decimal point.");
        }
        if (rate.from().equals(rate.to())) {
            throw BusinessRuleViolation.invalid("to", "A rate converts between two different currencies.");
        }
        // A replaced quote is recorded with the rate it replaced: entries valued at the old rate stay so.
        ExchangeRate replaced = rows.put(client, rate)
                .map(old -> new ExchangeRate(rate.from(), rate.to(), rate.day(), old.stripTrailingZeros())).orElse(null);
        audit.record(client, "ledger.rate-quoted", "exchange-rate", rate.from() + "/" + rate.to() + "@" + rate.day(),
                replaced, rate);
        return rate;
    }

    @Transactional(readOnly = true)
    public List<ExchangeRate> between(UUID client, LocalDate from, LocalDate to) {
        books.book(client);
        return rows.between(client, from, to);
    }

    /** The rates as the posting rules read them, in the caller's transaction. */
    public Rates of(UUID client) {
        return (day, from, to) -> rows.on(client, day, from, to);
    }
}
