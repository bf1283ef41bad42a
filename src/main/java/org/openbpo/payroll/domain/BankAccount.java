package org.openbpo.payroll.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * A bank account to pay an employee into, checked as far as its scheme allows without a bank's
 * directory: an IBAN by its length for the country and the ISO 7064 mod-97 check digits; a US ABA
 * routing number by its 3-7-1 check digit; a UK sort code and account number by their shape (the
 * Vocalink modulus tables are not shipped, so a well-formed UK account that a bank would refuse
 * passes here); an Indian IFSC by its shape; a Philippine account by its digits.
 */
public record BankAccount(Scheme scheme, String routing, String account) {

    public enum Scheme { IBAN, GB_SORT_CODE, US_ABA, IN_IFSC, PH_BANK }

    /** IBAN lengths by country (ISO 13616 registry), for the countries OpenBPO's clients pay into. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IT", 27), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24));

    /** A refusal naming the field (bankRouting or bankAccount) and the reason. */
    public static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Reads and checks an account as written; spaces and dashes are ignored. */
    public static BankAccount parse(Scheme scheme, String routingWritten, String accountWritten) {
        String routing = routingWritten == null ? "" : routingWritten.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        String account = accountWritten == null ? "" : accountWritten.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (account.isEmpty()) {
            throw new Refused("bankAccount", "The account number is missing");
        }
        switch (scheme) {
            case IBAN -> {
                checkIban(account);
                routing = "";
            }
            case GB_SORT_CODE -> {
                if (!routing.matches("\\d{6}")) {
                    throw new Refused("bankRouting", "A sort code is 6 digits, not '" + routingWritten + "'");
                }
                if (!account.matches("\\d{8}")) {
                    throw new Refused("bankAccount", "A UK account number is 8 digits");
                }
            }
            case US_ABA -> {
                if (!routing.matches("\\d{9}")) {
                    throw new Refused("bankRouting", "An ABA routing number is 9 digits, not '" + routingWritten + "'");
                }
                if (!abaCheckDigitHolds(routing)) {
                    throw new Refused("bankRouting", "ABA routing number " + routing + " fails its check digit");
                }
                if (!account.matches("\\d{4,17}")) {
                    throw new Refused("bankAccount", "A US account number is 4 to 17 digits");
                }
            }
            case IN_IFSC -> {
                if (!routing.matches("[A-Z]{4}0[A-Z0-9]{6}")) {
                    throw new Refused("bankRouting", "An IFSC is 4 letters, a zero and 6 letters or digits, not '" + routingWritten + "'");
                }
                if (!account.matches("\\d{9,18}")) {
                    throw new Refused("bankAccount", "An Indian account number is 9 to 18 digits");
                }
            }
            case PH_BANK -> {
                if (!routing.matches("[A-Z0-9]{4,11}")) {
                    throw new Refused("bankRouting", "Name the Philippine bank by its BIC or code, not '" + routingWritten + "'");
                }
                if (!account.matches("\\d{10,16}")) {
                    throw new Refused("bankAccount", "A Philippine account number is 10 to 16 digits");
                }
            }
        }
        return new BankAccount(scheme, routing, account);
    }

    static boolean abaCheckDigitHolds(String routing) {
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (routing.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }

    private static void checkIban(String iban) {
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
            throw new Refused("bankAccount", "An IBAN is a country code, two check digits and the account, not '" + iban + "'");
        }
        Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (length != null && iban.length() != length) {
            throw new Refused("bankAccount", "A " + iban.substring(0, 2) + " IBAN has " + length + " characters, not " + iban.length());
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() != 1) {
            throw new Refused("bankAccount", "IBAN " + iban + " fails its check digits (ISO 7064 mod 97)");
        }
    }

    /** What anyone may see: the scheme and the last four characters. */
    public String masked() {
        String tail = account.substring(Math.max(0, account.length() - 4));
        return switch (scheme) {
            case IBAN -> account.substring(0, 2) + "** **** " + tail;
            case GB_SORT_CODE -> routing.substring(0, 2) + "-**-** ****" + tail;
            case US_ABA -> "ABA " + routing.substring(0, 4) + "***** ****" + tail;
            case IN_IFSC -> routing.substring(0, 4) + " ****" + tail;
            case PH_BANK -> routing + " ****" + tail;
        };
    }

    /** The form sealed in the database. */
    public String sealable() {
        return scheme + "|" + routing + "|" + account;
    }

    public static BankAccount unseal(String sealed) {
        String[] parts = sealed.split("\\|", -1);
        return new BankAccount(Scheme.valueOf(parts[0]), parts[1], parts[2]);
    }
}
