package org.openbpo.payroll.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * One employee's payslip for one period: the earnings (the period's share of the salary, or hours at the
 * rate, and the earnings items), gross to net by the engine, the deductions after tax, the net, and what
 * a checker should look at. The engine is not changed: an employee who claimed exemption on the W-4 has
 * the engine's federal income tax line left out, as Pub 15-T says for exempt employees.
 */
public final class PayslipCalculation {

    /** One line of a payslip, in its section. */
    public record Line(Section section, String code, Money amount, @Nullable Money base, String rule) {
    }

    public enum Section {
        EARNING('E'), TAX('T'), DEDUCTION('D'), EMPLOYER('R');

        private final char letter;

        Section(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        public static Section of(char letter) {
            for (Section section : values()) {
                if (section.letter == letter) {
                    return section;
                }
            }
            throw new IllegalArgumentException("No payslip section " + letter);
        }
    }

    /** The payslip as calculated, before it is stored. */
    public record Result(Money gross, Money tax, Money employeeContributions, Money employerContributions, Money deductions,
                         Money net, List<Line> lines, List<String> anomalies) {
    }

    /** What the run knows about the employee for this period. */
    public record Input(EmployeeData employee, PaySchedule.Period period, @Nullable BigDecimal hours, List<PayItem> items,
                        ToDate toDate, @Nullable Money previousNet, boolean hasBankAccount, boolean offCycle) {
    }

    private PayslipCalculation() {
    }

    public static Result calculate(PayrollEngine engine, Input in, BigDecimal changeThreshold) {
        EmployeeData e = in.employee();
        Currency currency = e.country().currency();
        List<Line> lines = new ArrayList<>();
        List<String> anomalies = new ArrayList<>();
        if (!in.offCycle()) {
            basicPay(in, currency, lines, anomalies);
        }
        for (PayItem item : in.items()) {
            if (item.kind() == PayItem.Kind.EARNING) {
                lines.add(new Line(Section.EARNING, item.code(), item.amount(), null, item.description()));
            }
        }
        Money gross = lines.stream().map(Line::amount).reduce(Money.zero(currency), Money::plus);
        PayRequest request = new PayRequest(in.period().taxYear(), in.period().taxPeriod(), gross,
                TaxProfile.details(e, in.period(), gross, in.toDate(), in.offCycle()));
        GrossToNet result = Workings.unrecorded(() -> engine.calculate(request));
        String taxCode = TaxProfile.taxLine(e.country());
        boolean exempt = Boolean.parseBoolean(e.taxData().get("w4Exempt"));
        Money tax = Money.zero(currency);
        Money contributions = Money.zero(currency);
        for (PayLine line : result.employee()) {
            if (exempt && line.code().equals(taxCode)) {
                lines.add(new Line(Section.TAX, line.code(), Money.zero(currency), line.base(),
                        "Exempt on Form W-4: no federal income tax withheld (Pub 15-T)"));
                continue;
            }
            lines.add(new Line(Section.TAX, line.code(), line.amount(), line.base(), line.rule()));
            if (line.code().equals(taxCode)) {
                tax = tax.plus(line.amount());
            } else {
                contributions = contributions.plus(line.amount());
            }
        }
        Money deductions = Money.zero(currency);
        for (PayItem item : in.items()) {
            if (item.kind() == PayItem.Kind.DEDUCTION) {
                lines.add(new Line(Section.DEDUCTION, item.code(), item.amount(), null, item.description()));
                deductions = deductions.plus(item.amount());
            }
        }
        Money employer = Money.zero(currency);
        for (PayLine line : result.employer()) {
            lines.add(new Line(Section.EMPLOYER, line.code(), line.amount(), line.base(), line.rule()));
            employer = employer.plus(line.amount());
        }
        Money net = gross.minus(tax).minus(contributions).minus(deductions);
        if (net.isNegative()) {
            anomalies.add("NEGATIVE_NET: net pay " + net.toPlainString() + " is below zero");
        }
        if (!in.hasBankAccount() && net.isPositive()) {
            anomalies.add("NO_BANK_ACCOUNT: no bank account to pay " + net.toPlainString() + " into");
        }
        if (!in.offCycle() && in.previousNet() != null && in.previousNet().isPositive()) {
            BigDecimal change = net.amount().subtract(in.previousNet().amount()).abs()
                    .divide(in.previousNet().amount(), 4, RoundingMode.HALF_UP);
            if (change.compareTo(changeThreshold) > 0) {
                anomalies.add("PAY_CHANGE: net pay " + net.toPlainString() + " differs from the last period's "
                        + in.previousNet().toPlainString() + " by " + change.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
            }
        }
        return new Result(gross, tax, contributions, employer, deductions, net, List.copyOf(lines), List.copyOf(anomalies));
    }

    /** What the employee's current salary or rate pays for the period (hours as given): the base of retro pay. */
    public static Money basicPay(EmployeeData employee, PaySchedule.Period period, @Nullable BigDecimal hours) {
        List<Line> lines = new ArrayList<>();
        basicPay(new Input(employee, period, hours, List.of(), ToDate.none(employee.country().currency()), null, true, false),
                employee.country().currency(), lines, new ArrayList<>());
        return lines.getFirst().amount();
    }

    /** The salary's share of the period, prorated by calendar days for a starter or leaver; or hours at the rate. */
    private static void basicPay(Input in, Currency currency, List<Line> lines, List<String> anomalies) {
        EmployeeData e = in.employee();
        PaySchedule.Period p = in.period();
        if (e.payBasis() == PayBasis.SALARY) {
            int periods = PaySchedule.periodsPerYear(p.frequency());
            Money annual = Money.of(e.annualSalary().setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
            Money share = annual.dividedBy(periods).roundedHalfUp();
            long employed = employedDays(e, p);
            if (employed < p.days()) {
                Money prorated = share.times(BigDecimal.valueOf(employed)).dividedBy(BigDecimal.valueOf(p.days())).roundedHalfUp();
                lines.add(new Line(Section.EARNING, "BASIC", prorated, share,
                        "Salary " + annual.toPlainString() + " / " + periods + ", prorated " + employed + " of " + p.days()
                                + " calendar days, rounded half up"));
            } else {
                lines.add(new Line(Section.EARNING, "BASIC", share, annual, "Salary " + annual.toPlainString() + " / " + periods
                        + ", rounded half up"));
            }
        } else {
            BigDecimal hours = in.hours() != null ? in.hours() : e.standardHours() != null ? e.standardHours() : BigDecimal.ZERO;
            if (in.hours() == null) {
                anomalies.add("NO_TIMESHEET: paid " + hours.toPlainString() + " standard hours; no timesheet for the period");
            }
            Money pay = new org.openbpo.shared.money.UnroundedMoney(e.hourlyRate().multiply(hours), currency).roundedHalfUp();
            lines.add(new Line(Section.EARNING, "HOURS", pay, null, hours.toPlainString() + " hours at " + e.hourlyRate().toPlainString()
                    + ", rounded half up"));
        }
    }

    private static long employedDays(EmployeeData e, PaySchedule.Period p) {
        var from = e.startDate().isAfter(p.start()) ? e.startDate() : p.start();
        var to = e.leaveDate() != null && e.leaveDate().isBefore(p.end()) ? e.leaveDate() : p.end();
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
    }
}
