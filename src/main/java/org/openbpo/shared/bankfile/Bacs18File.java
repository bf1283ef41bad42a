package org.openbpo.shared.bankfile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A BACS Standard 18 credit file: the volume and header labels (VOL1, HDR1, HDR2, UHL1, 80
 * characters), a 106-character data record per payment (destination sort code and account,
 * transaction code 99, the originator's sort code and account, the amount in pence, names and
 * reference, the processing day as " yyddd"), one contra record (transaction code 17) debiting the
 * originator's account with the total, and the trailer labels (EOF1, EOF2, UTL1) whose UTL1
 * carries the debit and credit totals and counts. The service user number is the originator
 * identifier. Text fields keep to the BACS character set (A-Z, 0-9, . & / - and space).
 */
final class Bacs18File {

    static final int LABEL_LENGTH = 80;
    static final int DATA_LENGTH = 106;

    private Bacs18File() {
    }

    static byte[] write(PaymentBatch batch) {
        if (!(batch.originator().account() instanceof BankAccount.UkAccount own)) {
            throw new IllegalArgumentException("A BACS file is sent from a UK account (sort code and account number)");
        }
        String sun = batch.originator().identifier();
        if (!sun.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("BACS needs the six-digit service user number as the originator identifier");
        }
        String day = " " + yyddd(batch.executionDate());
        String serial = digits(batch.reference(), 6);
        String userName = bacs(batch.originator().name(), 18);
        List<String> records = new ArrayList<>();
        records.add(pad("VOL1" + serial + " " + " ".repeat(20) + " ".repeat(6) + " ".repeat(4) + sun + " ".repeat(32) + "1"));
        String fileId = "A" + sun + "S  " + sun;
        records.add(pad("HDR1" + fileId + "00000001" + "0001" + "0001" + " ".repeat(6) + day + day + " 000000" + " ".repeat(7)));
        records.add(pad("HDR2" + "F" + "02000" + "00100" + " ".repeat(35) + "00"));
        records.add(pad("UHL1" + day + "999999" + "    " + "00" + "000000" + "1 DAILY  " + "001"));
        long credits = 0;
        for (BankPayment payment : batch.payments()) {
            BankAccount.UkAccount to = (BankAccount.UkAccount) payment.account();
            long pence = payment.amount().amount().movePointRight(2).longValueExact();
            if (pence > 99_999_999_999L) {
                throw new IllegalArgumentException("A BACS amount has at most 11 digits of pence; " + payment.payeeName() + " is paid " + payment.amount());
            }
            credits += pence;
            records.add(data(to.sortCode(), to.accountNumber(), "99", own, pence, userName,
                    bacs(payment.reference(), 18), bacs(payment.payeeName(), 18), day));
        }
        records.add(data(own.sortCode(), own.accountNumber(), "17", own, credits, bacs("CONTRA", 18),
                bacs(batch.description(), 18), userName, day));
        int count = batch.payments().size();
        records.add(pad("EOF1" + fileId + "00000001" + "0001" + "0001" + " ".repeat(6) + day + day + " 000000" + " ".repeat(7)));
        records.add(pad("EOF2" + "F" + "02000" + "00100" + " ".repeat(35) + "00"));
        records.add(pad("UTL1" + NachaFile.zeros(credits, 13) + NachaFile.zeros(credits, 13) + NachaFile.zeros(1, 7)
                + NachaFile.zeros(count, 7)));
        StringBuilder file = new StringBuilder();
        for (String record : records) {
            file.append(record).append("\r\n");
        }
        return file.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String data(String sortCode, String account, String transactionCode, BankAccount.UkAccount from,
                               long pence, String name, String reference, String payee, String day) {
        String record = sortCode + account + "0" + transactionCode + from.sortCode() + from.accountNumber() + "    "
                + NachaFile.zeros(pence, 11) + name + reference + payee + day;
        if (record.length() != DATA_LENGTH) {
            throw new IllegalStateException("BACS data record of " + record.length() + " characters");
        }
        return record;
    }

    static String yyddd(LocalDate date) {
        return String.format(Locale.ROOT, "%02d%03d", date.getYear() % 100, date.getDayOfYear());
    }

    /** The BACS character set, upper case, space-filled to the width. */
    static String bacs(String value, int width) {
        String plain = NachaFile.ascii(value).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9.&/\\- ]", " ");
        return plain.length() >= width ? plain.substring(0, width) : plain + " ".repeat(width - plain.length());
    }

    private static String digits(String reference, int width) {
        String only = reference.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
        only = only.length() > width ? only.substring(only.length() - width) : only;
        return "0".repeat(width - only.length()) + only;
    }

    private static String pad(String label) {
        if (label.length() > LABEL_LENGTH) {
            throw new IllegalStateException("BACS label of " + label.length() + " characters: " + label);
        }
        return label + " ".repeat(LABEL_LENGTH - label.length());
    }
}
