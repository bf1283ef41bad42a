package org.openbpo.payroll.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.unitedkingdom.TaxCode;
import org.openbpo.payroll.domain.unitedkingdom.TaxRegime;
import org.openbpo.shared.money.Decimals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an employee as written (field name to text) and reports every problem with its field, so an
 * import can list them all at once. Country fields of another country are refused rather than ignored:
 * a US filing status on a UK employee is a mistake in the file.
 */
public final class EmployeeCheck {

    /** The employee, or what is wrong with it. */
    public record Checked(@Nullable EmployeeData employee, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
            "WI", "WY", "PR");
    private static final Set<String> GB_RESIDENCES = Set.of("ENG", "WLS", "SCT", "NIR");
    private static final Map<Country, List<String>> TAX_FIELDS = Map.of(
            Country.US, List.of("filingStatus", "w4Step2", "w4Step3", "w4Step4a", "w4Step4b", "w4Step4c", "w4Exempt", "w4Year", "w4Allowances"),
            Country.GB, List.of("taxCode", "niCategory", "director", "p45Pay", "p45Tax", "p45TaxYear"),
            Country.IN, List.of("taxRegime", "epfWages", "epfOnActualWages", "epsMember", "resident"),
            Country.PH, List.of("basicMonthly", "sssCompensation", "pagIbigCompensation", "minimumWageEarner"));
    private static final BigDecimal LARGEST = new BigDecimal("1000000000");

    private final Set<String> niCategories;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> values;

    private EmployeeCheck(Map<String, String> values, Set<String> niCategories) {
        this.values = values;
        this.niCategories = niCategories;
    }

    /** Checks the fields; {@code niCategories} are the letters the UK rule pack knows. */
    public static Checked check(Map<String, String> values, Set<String> niCategories) {
        return new EmployeeCheck(values, niCategories).run();
    }

    private Checked run() {
        String number = required("employeeNumber");
        if (number != null && !number.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")) {
            problem("employeeNumber", "Use up to 40 letters, digits, dots, dashes or slashes");
        }
        String given = required("givenName");
        String family = required("familyName");
        String email = value("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problem("email", "'" + email + "' is not an email address");
        }
        Country country = choice("country", Country.class, true);
        String payGroup = required("payGroup");
        LocalDate start = date("startDate", true);
        LocalDate leave = date("leaveDate", false);
        if (start != null && leave != null && leave.isBefore(start)) {
            problem("leaveDate", "The leave date " + leave + " is before the start date " + start);
        }
        PayBasis basis = choice("payBasis", PayBasis.class, true);
        BigDecimal salary = amount("annualSalary");
        BigDecimal rate = amount("hourlyRate");
        BigDecimal hours = amount("standardHours");
        if (basis == PayBasis.SALARY && salary == null) {
            problem("annualSalary", "A salaried employee needs an annual salary");
        }
        if (basis == PayBasis.HOURLY && rate == null) {
            problem("hourlyRate", "An hourly employee needs an hourly rate");
        }
        if (basis == PayBasis.SALARY && rate != null) {
            problem("hourlyRate", "A salaried employee has no hourly rate; set payBasis to HOURLY");
        }
        BankAccount bank = bank();
        String language = value("language");
        if (language != null) {
            String tag = language.strip();
            String[] parts = tag.split("[-_]", 2);
            tag = parts[0].toLowerCase(java.util.Locale.ROOT) + (parts.length > 1 ? "-" + parts[1].toUpperCase(java.util.Locale.ROOT) : "");
            if (!tag.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
                problem("language", "'" + language + "' is not a language tag (en, es, fil, hi, en-GB ...)");
            }
            language = tag;
        }
        String residence = value("taxResidence");
        Map<String, String> tax = new LinkedHashMap<>();
        if (country != null) {
            residence = residence(country, residence);
            for (var other : TAX_FIELDS.entrySet()) {
                if (other.getKey() != country) {
                    other.getValue().stream().filter(values::containsKey)
                            .forEach(field -> problem(field, field + " does not apply to a " + country + " employee"));
                }
            }
            switch (country) {
                case US -> unitedStates(tax);
                case GB -> unitedKingdom(tax, residence);
                case IN -> india(tax);
                case PH -> philippines(tax);
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new EmployeeData(number, given, family, email, country, residence, payGroup, start, leave, basis,
                salary, rate, hours, bank, tax, language), List.of());
    }

    private @Nullable String residence(Country country, @Nullable String written) {
        if (written == null) {
            problem("taxResidence", "The tax residence is required");
            return null;
        }
        String residence = written.toUpperCase(Locale.ROOT);
        switch (country) {
            case US -> {
                if (!US_STATES.contains(residence)) {
                    problem("taxResidence", "'" + written + "' is not a US state code (NY, CA, TX, ...)");
                }
            }
            case GB -> {
                if (!GB_RESIDENCES.contains(residence)) {
                    problem("taxResidence", "A UK tax residence is ENG, WLS, SCT or NIR, not '" + written + "'");
                }
            }
            default -> {
                if (residence.length() > 60) {
                    problem("taxResidence", "Write the state or province in at most 60 characters");
                }
            }
        }
        return residence;
    }

    private void unitedStates(Map<String, String> tax) {
        String allowances = value("w4Allowances");
        Integer year = whole("w4Year", 2020, 2100);
        boolean exempt = bool("w4Exempt", false);
        if (allowances != null) {
            problem("w4Allowances", "Allowances are a field of Forms W-4 from 2019 and earlier; a 2020 or later form has "
                    + "Steps 2 to 4 instead" + (year == null ? "" : " (w4Year is " + year + ")"));
        }
        FilingStatusName status = choice("filingStatus", FilingStatusName.class, true);
        boolean step2 = bool("w4Step2", false);
        BigDecimal step3 = amount("w4Step3");
        BigDecimal step4a = amount("w4Step4a");
        BigDecimal step4b = amount("w4Step4b");
        BigDecimal step4c = amount("w4Step4c");
        if (exempt && (step2 || nonZero(step3) || nonZero(step4a) || nonZero(step4b) || nonZero(step4c))) {
            problem("w4Exempt", "An employee claiming exemption completes only Steps 1(a), 1(b) and 5; "
                    + "Steps 2, 3 and 4 must be empty");
        }
        if (step3 != null && step3.remainder(BigDecimal.ONE).signum() != 0) {
            problem("w4Step3", "Step 3 is a whole-dollar amount on the form");
        }
        if (status != null) {
            tax.put("filingStatus", status.name());
        }
        tax.put("w4Step2", String.valueOf(step2));
        tax.put("w4Exempt", String.valueOf(exempt));
        tax.put("w4Year", String.valueOf(year == null ? 2020 : year));
        putAmount(tax, "w4Step3", step3);
        putAmount(tax, "w4Step4a", step4a);
        putAmount(tax, "w4Step4b", step4b);
        putAmount(tax, "w4Step4c", step4c);
    }

    /** The filing statuses Worksheet 1A knows; married filing separately is SINGLE on the form. */
    private enum FilingStatusName { SINGLE, MFJ, HOH }

    private void unitedKingdom(Map<String, String> tax, @Nullable String residence) {
        String written = required("taxCode");
        if (written != null) {
            try {
                TaxCode code = TaxCode.parse(written);
                tax.put("taxCode", code.text());
                if (residence != null && GB_RESIDENCES.contains(residence)) {
                    boolean scottish = code.regime() == TaxRegime.SCOTLAND;
                    boolean welsh = code.regime() == TaxRegime.WALES;
                    if (scottish != residence.equals("SCT")) {
                        problem("taxCode", "Tax code " + code.text() + (scottish ? " is Scottish (S) but the tax residence is "
                                + residence : " has no S prefix but the tax residence is Scotland"));
                    } else if (welsh && !residence.equals("WLS")) {
                        problem("taxCode", "Tax code " + code.text() + " is Welsh (C) but the tax residence is " + residence);
                    }
                }
            } catch (IllegalArgumentException unknown) {
                problem("taxCode", unknown.getMessage());
            }
        }
        String category = required("niCategory");
        if (category != null) {
            String letter = category.toUpperCase(Locale.ROOT);
            if (!niCategories.contains(letter)) {
                problem("niCategory", "'" + category + "' is not an NI category letter; one of " + niCategories.stream().sorted().toList());
            } else {
                tax.put("niCategory", letter);
            }
        }
        tax.put("director", String.valueOf(bool("director", false)));
        previousEmployment(tax);
    }

    /** A starter's P45: pay and tax to date with the previous employer, which count in the tax year they belong to. */
    private void previousEmployment(Map<String, String> tax) {
        BigDecimal pay = amount("p45Pay");
        BigDecimal paid = amount("p45Tax");
        String year = value("p45TaxYear");
        boolean given = values.containsKey("p45Pay") || values.containsKey("p45Tax");
        if (!given) {
            if (year != null) {
                problem("p45TaxYear", "A P45's tax year goes with its figures, p45Pay and p45Tax");
            }
            return;
        }
        if (year == null) {
            problem("p45TaxYear", "The tax year of the P45's figures, such as 2026-27, is required with them");
        } else if (!year.matches("\\d{4}-\\d{2}")
                || (Integer.parseInt(year.substring(0, 4)) + 1) % 100 != Integer.parseInt(year.substring(5))) {
            problem("p45TaxYear", "'" + year + "' is not a UK tax year such as 2026-27");
        } else {
            tax.put("p45TaxYear", year);
        }
        putAmount(tax, "p45Pay", pay == null ? BigDecimal.ZERO : pay);
        putAmount(tax, "p45Tax", paid == null ? BigDecimal.ZERO : paid);
    }

    private void india(Map<String, String> tax) {
        String regime = value("taxRegime");
        if (regime != null && !regime.equalsIgnoreCase("NEW")) {
            problem("taxRegime", "Only the new regime (section 115BAC) is calculated; '" + regime + "' is not supported");
        }
        tax.put("taxRegime", "NEW");
        putAmount(tax, "epfWages", amount("epfWages"));
        tax.put("epfOnActualWages", String.valueOf(bool("epfOnActualWages", false)));
        tax.put("epsMember", String.valueOf(bool("epsMember", true)));
        tax.put("resident", String.valueOf(bool("resident", true)));
    }

    private void philippines(Map<String, String> tax) {
        putAmount(tax, "basicMonthly", amount("basicMonthly"));
        putAmount(tax, "sssCompensation", amount("sssCompensation"));
        putAmount(tax, "pagIbigCompensation", amount("pagIbigCompensation"));
        tax.put("minimumWageEarner", String.valueOf(bool("minimumWageEarner", false)));
    }

    private @Nullable BankAccount bank() {
        BankAccount.Scheme scheme = choice("bankScheme", BankAccount.Scheme.class, false);
        if (scheme == null) {
            if (values.containsKey("bankAccount") || values.containsKey("bankRouting")) {
                problem("bankScheme", "Name the account's scheme: IBAN, GB_SORT_CODE, US_ABA, IN_IFSC or PH_BANK");
            }
            return null;
        }
        try {
            return BankAccount.parse(scheme, value("bankRouting"), value("bankAccount"));
        } catch (BankAccount.Refused refused) {
            problem(refused.field(), refused.getMessage());
            return null;
        }
    }

    private static boolean nonZero(@Nullable BigDecimal amount) {
        return amount != null && amount.signum() != 0;
    }

    private static void putAmount(Map<String, String> tax, String field, @Nullable BigDecimal amount) {
        if (amount != null) {
            tax.put(field, amount.toPlainString());
        }
    }

    private @Nullable String value(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private @Nullable String required(String field) {
        String value = value(field);
        if (value == null) {
            problem(field, field + " is required");
        } else if (value.length() > 200) {
            problem(field, field + " is longer than 200 characters");
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> @Nullable E choice(String field, Class<E> type, boolean needed) {
        String value = needed ? required(field) : value(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(field, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private @Nullable LocalDate date(String field, boolean needed) {
        String value = needed ? required(field) : value(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(field, "'" + value + "' is not a date written YYYY-MM-DD");
            return null;
        }
    }

    private @Nullable BigDecimal amount(String field) {
        String value = value(field);
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = Decimals.parse(value.replace(",", ""));
        } catch (NumberFormatException e) {
            problem(field, "'" + value + "' is not a decimal number");
            return null;
        }
        if (amount.signum() < 0) {
            problem(field, field + " cannot be negative");
            return null;
        }
        if (amount.compareTo(LARGEST) >= 0) {
            problem(field, field + " is too large");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 4) {
            problem(field, field + " has more than 4 decimals");
            return null;
        }
        return amount;
    }

    private @Nullable Integer whole(String field, int min, int max) {
        String value = value(field);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                problem(field, field + " must be between " + min + " and " + max + (field.equals("w4Year")
                        ? "; Forms W-4 of 2019 and earlier (with allowances) are not calculated" : ""));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem(field, "'" + value + "' is not a whole number");
            return null;
        }
    }

    private boolean bool(String field, boolean otherwise) {
        String value = value(field);
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> {
                problem(field, "'" + value + "' is not true or false");
                yield otherwise;
            }
        };
    }

    /** One problem per field, the first found: a bad amount is not also a missing one. */
    private void problem(String field, String reason) {
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new Problem(field, reason));
        }
    }
}
