package org.openbpo.payroll.domain.india;

import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Monthly EPF, EPS and EDLI (reference 3.1). The employee pays 12% of EPF wages, capped at the wage
 * ceiling unless contributing on actual wages; the employer's 12% splits into EPS (8.33% of wages up
 * to the ceiling, members only) and EPF (A/c 1, the rest); EDLI is 0.5% of wages up to the ceiling.
 */
final class ProvidentFund {

    private ProvidentFund() {
    }

    record Contributions(PayLine employee, List<PayLine> employer) {
    }

    static Contributions contributions(PackInfo info, ProvidentFundRules rules, Money wages, boolean onActualWages,
                                       boolean pensionMember) {
        Money ceiling = rules.wageCeiling();
        Money capped = wages.min(ceiling);
        Money epfWages = onActualWages ? wages : capped;
        Money pensionWages = pensionMember ? capped : Money.zero(wages.currency());
        String basis = onActualWages ? "actual wages" : "wages up to the ceiling " + ceiling.toPlainString();

        Charge employee = charge(info, rules, wages, epfWages, rules.employeeRate());
        Charge pension = charge(info, rules, wages, pensionWages, rules.pensionRate());
        Charge employer = charge(info, rules, wages, epfWages, rules.employerRate());
        Money employerEpf = employer.amount().minus(pension.amount());
        employer.workings().add("less the EPS share", pension.amount()).add("employer EPF (A/c 1)", employerEpf);
        Charge insurance = charge(info, rules, wages, capped, rules.insuranceRate());

        return new Contributions(
                new PayLine("EPF_EE", employee.amount(), epfWages, "Employee EPF: " + Rates.asPercent(rules.employeeRate())
                        + " of " + basis, employee.workings().build()),
                List.of(new PayLine("EPF_ER", employerEpf, epfWages, "Employer EPF (A/c 1): "
                                + Rates.asPercent(rules.employerRate()) + " of " + basis + " less the EPS share", employer.workings().build()),
                        new PayLine("EPS_ER", pension.amount(), pensionWages, pensionMember ? "Employer EPS (A/c 10): "
                                + Rates.asPercent(rules.pensionRate()) + " of wages up to " + ceiling.toPlainString()
                                : "EPS: not a member of the pension scheme", pension.workings().build()),
                        new PayLine("EDLI_ER", insurance.amount(), capped, "EDLI (A/c 21): "
                                + Rates.asPercent(rules.insuranceRate()) + " of wages up to " + ceiling.toPlainString(),
                                insurance.workings().build())));
    }

    private record Charge(Money amount, Workings.Builder workings) {
    }

    private static Charge charge(PackInfo info, ProvidentFundRules rules, Money wages, Money charged, BigDecimal rate) {
        Money amount = rules.rounding().apply(charged.times(rate));
        Workings.Builder workings = Workings.builder()
                .add("EPF wages (basic + DA) this month", wages)
                .add("wage ceiling", rules.wageCeiling())
                .add("wages charged", charged)
                .percent("rate", rate)
                .add("exact (wages charged × rate)", charged.times(rate))
                .add("rounded", amount)
                .add("rounding", rules.rounding().describe());
        info.flagIfUnverified(workings, "epf.rounding");
        return new Charge(amount, workings);
    }
}
