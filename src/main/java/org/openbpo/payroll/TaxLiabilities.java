package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What the client owes to whom for a country's pay paid between two dates, from finalised runs: each tax
 * and contribution withheld from employees or owed by the employer, the authority and when it is due.
 * {@code owed} is the sum of the lines: what the client pays the authorities. A UK client that claims the
 * Employment Allowance has its claim as its own line (a negative amount) beside the employer NICs in full.
 * An Indian report has the employer's EPF administration charges (EPF_ADMIN) as one line a month.
 * For a US calendar quarter, the figures in the shape of Form 941's lines.
 */
public record TaxLiabilities(String country, LocalDate from, LocalDate to, String currency, String grossPay, String netPay,
                             List<Liability> liabilities, String owed, @Nullable Form941 form941) {

    public record Liability(String code, String side, String amount, String base, String authority, String due) {
    }

    /**
     * Form 941 (Employer's Quarterly Federal Tax Return), Part 1 lines as amounts. Line 7 is the fractions of
     * cents: what was actually withheld and owed for Social Security and Medicare less the form's rate x wages.
     */
    public record Form941(int quarter, int year, long line1Employees, String line2Wages, String line3FederalIncomeTax,
                          String line5aSocialSecurityWages, String line5aTax, String line5cMedicareWages, String line5cTax,
                          String line5dAdditionalMedicareWages, String line5dTax, String line5eTotal, String line6TotalBeforeAdjustments,
                          String line7FractionsOfCents, String line10TotalAfterAdjustments) {
    }
}
