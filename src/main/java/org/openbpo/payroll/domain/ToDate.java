package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;

import java.util.Currency;

/**
 * An employee's pay and deductions so far in the tax year, before this pay: gross pay, income tax,
 * the employee's other statutory contributions and the employer's, and net pay.
 */
public record ToDate(Money gross, Money tax, Money employeeContributions, Money employerContributions, Money net) {

    public static ToDate none(Currency currency) {
        Money zero = Money.zero(currency);
        return new ToDate(zero, zero, zero, zero, zero);
    }
}
