package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

import java.util.Objects;

/**
 * Employment Allowance (reference 2.5): an eligible employer pays its secondary Class 1 NICs of a tax
 * year less up to the year's allowance, claimed against each period's secondary NICs (the employer NIC
 * lines, never the employees') as they fall due until the allowance is used up. It is claimed by the
 * employer, not per employee: each payslip still shows the employer NICs in full.
 */
public record EmploymentAllowance(Money yearly) {

    public EmploymentAllowance {
        Objects.requireNonNull(yearly, "yearly");
        if (yearly.isNegative()) {
            throw new IllegalArgumentException("The Employment Allowance cannot be negative");
        }
    }

    /** What one period's claim takes off the employer's secondary NICs, what is left to pay, and what allowance remains. */
    public record Claim(Money claimed, Money payable, Money remaining, Workings workings) {
    }

    /**
     * The claim against a period's employer (secondary) NICs, after {@code claimedEarlier} was claimed
     * earlier in the same tax year.
     */
    public Claim claim(Money employerNics, Money claimedEarlier) {
        if (employerNics.isNegative() || claimedEarlier.isNegative()) {
            throw new IllegalArgumentException("Employer NICs and the allowance claimed cannot be negative");
        }
        Money left = yearly.minus(claimedEarlier).atLeastZero();
        Money claimed = employerNics.min(left);
        Money payable = employerNics.minus(claimed);
        Money remaining = left.minus(claimed);
        Workings workings = Workings.builder()
                .add("Employment Allowance for the tax year", yearly)
                .add("claimed earlier in the tax year", claimedEarlier)
                .add("allowance left", left)
                .add("employer secondary Class 1 NICs this period", employerNics)
                .add("claimed this period (the lesser)", claimed)
                .add("employer NICs payable to HMRC", payable)
                .add("allowance left after this period", remaining).build();
        return new Claim(claimed, payable, remaining, workings);
    }
}
