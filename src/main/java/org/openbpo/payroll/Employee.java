package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.EmployeeData;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An employee as the API and the pages show one: the bank account only masked. */
public record Employee(UUID id, String employeeNumber, String givenName, String familyName, @Nullable String email,
                       String country, String taxResidence, String payGroup, String startDate, @Nullable String leaveDate,
                       String payBasis, @Nullable String annualSalary, @Nullable String hourlyRate,
                       @Nullable String standardHours, @Nullable String bankScheme, @Nullable String bankAccount,
                       Map<String, String> taxData, int version, Instant updatedAt, @Nullable String language) {

    public static Employee of(UUID id, EmployeeData data, @Nullable String bankScheme, @Nullable String bankMasked,
                              int version, Instant updatedAt) {
        return new Employee(id, data.employeeNumber(), data.givenName(), data.familyName(), data.email(),
                data.country().name(), data.taxResidence(), data.payGroup(), data.startDate().toString(),
                data.leaveDate() == null ? null : data.leaveDate().toString(), data.payBasis().name(),
                plain(data.annualSalary()), plain(data.hourlyRate()), plain(data.standardHours()),
                bankScheme, bankMasked,
                new java.util.TreeMap<>(data.taxData()), version, updatedAt, data.language());
    }

    public String name() {
        return givenName + " " + familyName;
    }

    private static @Nullable String plain(java.math.@Nullable BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
