package org.openbpo.payroll.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * OpenBPO's bank upload file for countries without one national credit-file format (India: NEFT/RTGS bulk
 * uploads differ per bank; the Philippines: InstaPay/PESONet bulk uploads differ per bank). One CSV the
 * client's bank portal, or the provider's mapping to it, reads: a header row
 * {@code H,file reference,originator name,originator identifier,debit bank code,debit account,value date,currency,count,total},
 * a row per payment {@code D,sequence,payee name,bank code (IFSC or bank code),account,amount,reference}, and a
 * trailer {@code T,count,total}. Amounts are decimals with the currency's places; text is quoted when it holds a
 * comma or a quote.
 */
public final class BankUploadCsv {

    /** One payment: to whom, their bank code (IFSC, Philippine bank code) and account, how much, the payee's reference. */
    public record Payment(String payee, String bankCode, String account, BigDecimal amount, String reference) {
    }

    private BankUploadCsv() {
    }

    public static byte[] write(String fileReference, String originatorName, String originatorIdentifier, BankAccount debit,
                               LocalDate valueDate, String currency, List<Payment> payments) {
        if (payments.isEmpty()) {
            throw new IllegalArgumentException("A bank upload needs at least one payment");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Payment payment : payments) {
            if (payment.amount().signum() <= 0) {
                throw new IllegalArgumentException("A payment is of a positive amount; " + payment.payee() + " is paid " + payment.amount());
            }
            total = total.add(payment.amount());
        }
        StringBuilder csv = new StringBuilder();
        row(csv, "H", fileReference, originatorName, originatorIdentifier, debit.routing(), debit.account(), valueDate.toString(),
                currency, Integer.toString(payments.size()), total.toPlainString());
        int sequence = 0;
        for (Payment payment : payments) {
            row(csv, "D", Integer.toString(++sequence), payment.payee(), payment.bankCode(), payment.account(),
                    payment.amount().toPlainString(), payment.reference());
        }
        row(csv, "T", Integer.toString(payments.size()), total.toPlainString());
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields[i] == null ? "" : fields[i];
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }
}
