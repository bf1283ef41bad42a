package org.openbpo.shared.bankfile;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A NACHA ACH file of credits: file header (1), one batch header (5), an entry (6) per payment,
 * the batch control (8) and the file control (9), every record 94 characters, padded with
 * all-nines records to a multiple of ten (the blocking factor). Entry hash: the sum of the
 * receiving banks' eight-digit routing numbers, its rightmost ten digits. The batch carries
 * credits only (service class 220); an offsetting debit is the originating bank's to add where
 * it wants one. Payroll batches are PPD (consumer accounts), other batches CCD.
 */
final class NachaFile {

    static final int RECORD_LENGTH = 94;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private NachaFile() {
    }

    static byte[] write(PaymentBatch batch) {
        if (!(batch.originator().account() instanceof BankAccount.UsAccount own)) {
            throw new IllegalArgumentException("A NACHA file is sent from a US account (routing and account number)");
        }
        String companyId = batch.originator().identifier();
        if (companyId.isEmpty() || companyId.length() > 10) {
            throw new IllegalArgumentException("NACHA needs the company identification (1 to 10 characters) as the originator identifier");
        }
        String odfi = own.routingNumber().substring(0, 8);
        var created = batch.createdAt().atZone(ZoneOffset.UTC);
        List<String> records = new ArrayList<>();
        records.add("1" + "01" + " " + own.routingNumber() + right(companyId, 10) + DATE.format(created) + TIME.format(created)
                + "A" + "094" + "10" + "1" + left(batch.originator().bankName() == null ? "" : batch.originator().bankName(), 23)
                + left(batch.originator().name(), 23) + left("", 8));
        records.add("5" + "220" + left(batch.originator().name(), 16) + left("", 20) + left(companyId, 10) + standardEntryClass(batch)
                + left(batch.description(), 10) + left("", 6) + DATE.format(batch.executionDate()) + "   " + "1" + odfi
                + zeros(1, 7));
        long hash = 0;
        long credits = 0;
        int sequence = 0;
        for (BankPayment payment : batch.payments()) {
            BankAccount.UsAccount to = (BankAccount.UsAccount) payment.account();
            long cents = cents(payment);
            if (cents > 99_999_999_99L) {
                throw new IllegalArgumentException("An ACH entry carries at most 99,999,999.99; " + payment.payeeName() + " is paid " + payment.amount());
            }
            sequence++;
            hash += Long.parseLong(to.routingNumber().substring(0, 8));
            credits += cents;
            records.add("6" + (to.savings() ? "32" : "22") + to.routingNumber() + left(to.accountNumber(), 17)
                    + zeros(cents, 10) + left(payment.reference(), 15) + left(payment.payeeName(), 22) + "  " + "0"
                    + odfi + zeros(sequence, 7));
        }
        String entryHash = lastTen(hash);
        records.add("8" + "220" + zeros(sequence, 6) + entryHash + zeros(0, 12) + zeros(credits, 12) + left(companyId, 10)
                + left("", 19) + left("", 6) + odfi + zeros(1, 7));
        int blocks = (records.size() + 1 + 9) / 10;
        records.add("9" + zeros(1, 6) + zeros(blocks, 6) + zeros(sequence, 8) + entryHash + zeros(0, 12) + zeros(credits, 12)
                + left("", 39));
        while (records.size() % 10 != 0) {
            records.add("9".repeat(RECORD_LENGTH));
        }
        StringBuilder file = new StringBuilder();
        for (String record : records) {
            if (record.length() != RECORD_LENGTH) {
                throw new IllegalStateException("NACHA record of " + record.length() + " characters: " + record);
            }
            file.append(record).append("\r\n");
        }
        return file.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Payroll credits go to people's own accounts (PPD, prearranged payments); everything else to companies (CCD). */
    static String standardEntryClass(PaymentBatch batch) {
        return "PAYROLL".equalsIgnoreCase(batch.description()) ? "PPD" : "CCD";
    }

    static long cents(BankPayment payment) {
        return payment.amount().amount().movePointRight(2).longValueExact();
    }

    private static String lastTen(long hash) {
        String digits = BigInteger.valueOf(hash).toString();
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : zeros(hash, 10);
    }

    /** Alphanumeric fields: upper case, printable ASCII, left-justified and space-filled. */
    static String left(String value, int width) {
        String clean = ascii(value).toUpperCase(Locale.ROOT);
        return clean.length() >= width ? clean.substring(0, width) : clean + " ".repeat(width - clean.length());
    }

    private static String right(String value, int width) {
        String clean = ascii(value);
        return clean.length() >= width ? clean.substring(0, width) : " ".repeat(width - clean.length()) + clean;
    }

    static String zeros(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    static String ascii(String value) {
        String plain = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7E]", " ");
    }
}
