package org.openbpo.payroll.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An employee's record after every field was checked: identity, pay, bank account and the country's
 * tax fields (by their form names, normalised: upper-case codes, canonical booleans and amounts).
 */
public record EmployeeData(String employeeNumber, String givenName, String familyName, @Nullable String email,
                           Country country, String taxResidence, String payGroup, LocalDate startDate,
                           @Nullable LocalDate leaveDate, PayBasis payBasis, @Nullable BigDecimal annualSalary,
                           @Nullable BigDecimal hourlyRate, @Nullable BigDecimal standardHours,
                           @Nullable BankAccount bank, Map<String, String> taxData, @Nullable String language) {

    public EmployeeData {
        taxData = Map.copyOf(taxData);
    }

    /** Whether the employee is employed on some day of the period. */
    public boolean employedDuring(LocalDate from, LocalDate to) {
        return !startDate.isAfter(to) && (leaveDate == null || !leaveDate.isBefore(from));
    }
}
