package org.openbpo.shared.bankfile;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Where a payment goes: an IBAN (with the BIC where a bank needs it), a UK sort code and account
 * number, or a US ABA routing number and account. Each checks what can be checked offline: the
 * IBAN's length for its country and its mod-97 check digits, the ABA routing number's weighted
 * check digit, the UK numbers' format (the Vocalink modulus check needs Vocalink's weight table,
 * which OpenBPO does not ship).
 */
public sealed interface BankAccount {

    /** IBAN, UK or US: how the account is kept and which files can pay it. */
    String scheme();

    /** What people may see: all but the last four characters hidden. */
    String masked();

    /** One line that {@link #parse} reads back, for sealing. */
    String canonical();

    static BankAccount parse(String canonical) {
        String[] parts = canonical.split(":", -1);
        return switch (parts[0]) {
            case "IBAN" -> new Iban(parts[1], parts[2].isEmpty() ? null : parts[2]);
            case "UK" -> new UkAccount(parts[1], parts[2]);
            case "US" -> new UsAccount(parts[1], parts[2], Boolean.parseBoolean(parts[3]));
            default -> throw new IllegalArgumentException("Not a bank account: " + parts[0]);
        };
    }

    record Iban(String iban, @Nullable String bic) implements BankAccount {

        /** IBAN lengths of the SEPA countries. */
        static final Map<String, Integer> LENGTHS = Map.ofEntries(
                Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
                Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
                Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
                Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
                Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
                Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
                Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
                Map.entry("SM", 27), Map.entry("VA", 22));

        public Iban {
            iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
            String problem = ibanProblem(iban);
            if (problem != null) {
                throw BusinessRuleViolation.invalid("iban", problem);
            }
            if (bic != null && bic.isBlank()) {
                bic = null;
            }
            if (bic != null) {
                bic = bic.strip().toUpperCase(Locale.ROOT);
                if (!bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
                    throw BusinessRuleViolation.invalid("bic", bic + " is not a BIC (8 or 11 characters: bank, country, location, branch).");
                }
            }
        }

        static @Nullable String ibanProblem(String iban) {
            if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
                return "An IBAN is two letters, two check digits and up to 30 letters or digits.";
            }
            Integer length = LENGTHS.get(iban.substring(0, 2));
            if (length == null) {
                return iban.substring(0, 2) + " is not a country whose IBANs OpenBPO pays (SEPA countries only).";
            }
            if (iban.length() != length) {
                return "An IBAN of " + iban.substring(0, 2) + " has " + length + " characters; this one has " + iban.length() + ".";
            }
            if (mod97(iban.substring(4) + iban.substring(0, 4)) != 1) {
                return "The IBAN's check digits are wrong (mod 97); check it for a mistyped character.";
            }
            return null;
        }

        static int mod97(String rearranged) {
            StringBuilder digits = new StringBuilder();
            for (char c : rearranged.toCharArray()) {
                digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
            }
            return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        }

        public String country() {
            return iban.substring(0, 2);
        }

        @Override
        public String scheme() {
            return "IBAN";
        }

        @Override
        public String masked() {
            return iban.substring(0, 2) + "•• •••• " + iban.substring(iban.length() - 4);
        }

        @Override
        public String canonical() {
            return "IBAN:" + iban + ":" + (bic == null ? "" : bic);
        }
    }

    record UkAccount(String sortCode, String accountNumber) implements BankAccount {

        public UkAccount {
            sortCode = sortCode.replace("-", "").replace(" ", "");
            accountNumber = accountNumber.replace(" ", "");
            if (!sortCode.matches("[0-9]{6}")) {
                throw BusinessRuleViolation.invalid("sortCode", "A UK sort code is six digits (such as 20-00-00).");
            }
            if (!accountNumber.matches("[0-9]{8}")) {
                throw BusinessRuleViolation.invalid("accountNumber", "A UK account number is eight digits.");
            }
        }

        @Override
        public String scheme() {
            return "UK";
        }

        @Override
        public String masked() {
            return sortCode.substring(0, 2) + "-••-•• ••••" + accountNumber.substring(4);
        }

        @Override
        public String canonical() {
            return "UK:" + sortCode + ":" + accountNumber;
        }
    }

    record UsAccount(String routingNumber, String accountNumber, boolean savings) implements BankAccount {

        public UsAccount {
            routingNumber = routingNumber.strip();
            accountNumber = accountNumber.replace(" ", "");
            if (!routingNumber.matches("[0-9]{9}")) {
                throw BusinessRuleViolation.invalid("routingNumber", "An ABA routing number is nine digits.");
            }
            if (!abaCheckDigitHolds(routingNumber)) {
                throw BusinessRuleViolation.invalid("routingNumber", "The routing number's check digit is wrong (weights 3, 7, 1).");
            }
            if (!accountNumber.matches("[0-9A-Za-z-]{1,17}")) {
                throw BusinessRuleViolation.invalid("accountNumber", "A US account number is 1 to 17 digits (letters and dashes allowed).");
            }
        }

        static boolean abaCheckDigitHolds(String routing) {
            int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (routing.charAt(i) - '0') * weights[i];
            }
            return sum % 10 == 0;
        }

        @Override
        public String scheme() {
            return "US";
        }

        @Override
        public String masked() {
            String tail = accountNumber.length() <= 4 ? accountNumber : accountNumber.substring(accountNumber.length() - 4);
            return routingNumber + " ••••" + tail;
        }

        @Override
        public String canonical() {
            return "US:" + routingNumber + ":" + accountNumber + ":" + savings;
        }
    }
}
