package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The income-tax bands of one regime in the spec's encoding (reference 2.2): rates R1..Rn, widths
 * B1..B(n−1) of taxable pay (the last rate is unbounded), and the position of the basic rate.
 * Positions are 1-based, as in the spec.
 */
public record TaxBands(List<BigDecimal> rates, List<Money> widths, int basicRate) {

    public TaxBands {
        rates = List.copyOf(rates);
        widths = List.copyOf(widths);
        if (rates.size() != widths.size() + 1) {
            throw new IllegalArgumentException("A regime has one rate more than band widths");
        }
        if (basicRate < 1 || basicRate > rates.size()) {
            throw new IllegalArgumentException("The basic rate points outside the rates");
        }
    }

    public BigDecimal rate(int position) {
        return rates.get(position - 1);
    }

    /** C(i): the top of band i in annual taxable pay; C(0) = 0. */
    public Money cumulativeWidth(int position) {
        Money top = Money.zero(widths.getFirst().currency());
        for (int i = 0; i < position; i++) {
            top = top.plus(widths.get(i));
        }
        return top;
    }

    /** K(i): the annual tax on a taxable pay of C(i); K(0) = 0. Exact, since widths are whole pounds. */
    public UnroundedMoney cumulativeTax(int position) {
        UnroundedMoney tax = UnroundedMoney.zero(widths.getFirst().currency());
        for (int i = 0; i < position; i++) {
            tax = tax.plus(widths.get(i).times(rates.get(i)));
        }
        return tax;
    }

    /** The rate of a D code: one past the basic rate, plus the D number (reference 2.2). */
    public int higherRatePosition(int dNumber) {
        return basicRate + 1 + dNumber;
    }

    public List<Integer> positions() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= rates.size(); i++) {
            positions.add(i);
        }
        return positions;
    }
}
