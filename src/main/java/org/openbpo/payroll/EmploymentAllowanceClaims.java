package org.openbpo.payroll;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.unitedkingdom.EmploymentAllowance;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomRulePack;
import org.openbpo.payroll.persistence.ReportRows;
import org.springframework.stereotype.Component;
import org.openbpo.shared.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a UK client claiming the Employment Allowance claims against each finalised GB run's employer NICs:
 * in pay-run order within the tax year (6 April to 5 April), the lesser of the run's employer NICs and the
 * allowance left; a reversal run gives back what the run it reverses claimed. The tax liabilities report,
 * the run's journal and the payroll page all take the claims from here, so they agree.
 */
@Component
class EmploymentAllowanceClaims {

    static final Currency GBP = Currency.getInstance("GBP");

    /** One run's claim: negative for a reversal run, which gives the claim back. */
    record RunClaim(long run, LocalDate payDate, Money claimed) {
    }

    private final ReportRows rows;
    private final EmployerSettings settings;
    private final PayrollCalculator calculator;

    EmploymentAllowanceClaims(ReportRows rows, EmployerSettings settings, PayrollCalculator calculator) {
        this.rows = rows;
        this.settings = settings;
        this.calculator = calculator;
    }

    boolean claims(UUID client) {
        return settings.employmentAllowance(client).claims();
    }

    /** The claims of the runs paid from the start of the tax year {@code from} falls in up to {@code to}; none if the client does not claim. */
    List<RunClaim> runs(UUID client, LocalDate from, LocalDate to) {
        if (!claims(client)) {
            return List.of();
        }
        Map<String, Money> claimedInYear = new HashMap<>();
        Map<Long, Money> claimedByRun = new HashMap<>();
        List<RunClaim> claims = new ArrayList<>();
        for (ReportRows.RunEmployerNics run : rows.employerNicsByRun(client, taxYearStart(from), to)) {
            Money earlier = claimedInYear.getOrDefault(run.taxYear(), Money.zero(GBP));
            Money claimed;
            if (run.employerNics().signum() >= 0) {
                claimed = allowance(run.taxYear()).claim(Money.of(run.employerNics(), GBP), earlier).claimed();
            } else {
                claimed = run.reverses() == null ? Money.zero(GBP) : claimedByRun.getOrDefault(run.reverses(), Money.zero(GBP)).negate();
            }
            claimedInYear.put(run.taxYear(), earlier.plus(claimed));
            claimedByRun.put(run.run(), claimed);
            claims.add(new RunClaim(run.run(), run.payDate(), claimed));
        }
        return claims;
    }

    /** What the runs paid between the dates claimed. */
    Money claimedBetween(UUID client, LocalDate from, LocalDate to) {
        return runs(client, from, to).stream().filter(c -> !c.payDate().isBefore(from)).map(RunClaim::claimed)
                .reduce(Money.zero(GBP), Money::plus);
    }

    /** What one finalised run paid on {@code payDate} claimed. */
    Money claimedBy(UUID client, long run, LocalDate payDate) {
        return runs(client, payDate, payDate).stream().filter(c -> c.run() == run).map(RunClaim::claimed).findFirst()
                .orElse(Money.zero(GBP));
    }

    /** The tax year {@code day} falls in: its allowance, what its finalised runs claimed and what is left. */
    EmploymentAllowanceYear year(UUID client, LocalDate day) {
        LocalDate start = taxYearStart(day);
        LocalDate end = start.plusYears(1).minusDays(1);
        String taxYear = start.getYear() + "-" + String.format("%02d", (start.getYear() + 1) % 100);
        Money allowance = allowance(taxYear).yearly();
        Money claimed = claimedBetween(client, start, end);
        return new EmploymentAllowanceYear(claims(client), taxYear, allowance, claimed, allowance.minus(claimed).atLeastZero());
    }

    private EmploymentAllowance allowance(String taxYear) {
        return ((UnitedKingdomRulePack) calculator.packs().find(Country.GB, taxYear)).employmentAllowance();
    }

    static LocalDate taxYearStart(LocalDate day) {
        LocalDate april6 = LocalDate.of(day.getYear(), 4, 6);
        return day.isBefore(april6) ? april6.minusYears(1) : april6;
    }
}
