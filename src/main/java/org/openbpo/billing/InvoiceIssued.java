package org.openbpo.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice or credit note was issued: numbered and final. Published in the issuing transaction,
 * so the provider's books learn of every issued document exactly when it becomes final. Amounts are
 * in {@code currency}, as on the document; {@code total = subtotal + tax} and {@code subtotal} is the
 * sum of the lines. A credit note's amounts are negative.
 *
 * @param lines each line's amount and what it is for the books: a correction carries the kind of the
 *              line it corrects, so a credited service credit stays a service credit
 */
public record InvoiceIssued(UUID clientId, UUID invoiceId, InvoiceKind kind,
                            String number, LocalDate issuedOn, LocalDate period, String currency, BigDecimal subtotal,
                            BigDecimal tax, BigDecimal total, List<Line> lines) {

    public InvoiceIssued {
        lines = List.copyOf(lines);
    }

    /** One line for the books: its service line, what kind of charge it is, and its amount. */
    public record Line(int lineNo, LineKind kind, String serviceLine, BigDecimal amount) {
    }
}
