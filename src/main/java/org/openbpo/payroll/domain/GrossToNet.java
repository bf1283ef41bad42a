package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;

import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

/**
 * One employee's pay for one period: what is deducted from the gross, what the employer pays on
 * top, and the net. The net is always the gross less the employee lines.
 */
public record GrossToNet(Country country, String taxYear, Currency currency, Money gross,
                         List<PayLine> employee, List<PayLine> employer, Money net) {

    public GrossToNet {
        employee = List.copyOf(employee);
        employer = List.copyOf(employer);
        Money deducted = employee.stream().map(PayLine::amount).reduce(Money.zero(currency), Money::plus);
        if (!gross.minus(deducted).equals(net)) {
            throw new IllegalArgumentException("Net " + net + " is not gross " + gross + " less deductions " + deducted);
        }
    }

    public static GrossToNet of(Country country, String taxYear, Money gross, List<PayLine> employee, List<PayLine> employer) {
        Money deducted = employee.stream().map(PayLine::amount).reduce(Money.zero(gross.currency()), Money::plus);
        return new GrossToNet(country, taxYear, gross.currency(), gross, employee, employer, gross.minus(deducted));
    }

    public PayLine line(String code) {
        return Stream.concat(employee.stream(), employer.stream())
                .filter(line -> line.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No pay line " + code));
    }
}
