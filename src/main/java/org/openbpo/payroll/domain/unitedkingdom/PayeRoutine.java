package org.openbpo.payroll.domain.unitedkingdom;

import java.math.BigDecimal;
import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

/**
 * PAYE income tax by HMRC's "Specification for PAYE Tax Table Routines" (reference 2.4), section
 * numbers as cited there. Weekly, fortnightly and four-weekly pay use the weekly tables with the tax
 * week n; monthly pay the monthly tables with the tax month n.
 */
final class PayeRoutine {

    private PayeRoutine() {
    }

    /** Where in the year a payment falls, for the tables: n periods of 1/12 or 1/52 of a year. */
    record TablePoint(int n, int periodsPerYear, boolean nonCumulative, String describe) {
    }

    static TablePoint tablePoint(PayPeriod period, TaxCode code) {
        boolean monthly = period.frequency() == PayFrequency.MONTHLY;
        int weeksPerPeriod = switch (period.frequency()) {
            case BIWEEKLY -> 2;
            case FOUR_WEEKLY -> 4;
            default -> 1;
        };
        int n = period.number() * weeksPerPeriod;
        // Week 53, 54 and 56 payments are always non-cumulative (reference 2.3).
        boolean extraWeek = !monthly && n > 52;
        if (code.nonCumulative() || extraWeek) {
            String why = extraWeek ? "week " + n + " payment" : "code " + code.text();
            return new TablePoint(weeksPerPeriod, monthly ? 12 : 52, true,
                    "non-cumulative (" + why + "), as " + (monthly ? "month 1" : "week " + weeksPerPeriod));
        }
        return new TablePoint(n, monthly ? 12 : 52, false, "cumulative, " + (monthly ? "month " : "week ") + n);
    }

    static PayLine tax(PackInfo info, PayeRules rules, PayPeriod period, Money pay, UnitedKingdomEmployee employee) {
        TaxCode code = employee.taxCode();
        TaxBands bands = rules.bands().get(code.regime());
        TablePoint point = tablePoint(period, code);
        Money zero = Money.zero(pay.currency());
        // §4.2: pay to date includes this period (and a P45's previous pay); §8: non-cumulative is period 1.
        Money payToDate = point.nonCumulative() ? pay : employee.payToDate().plus(pay);
        Money taxBefore = point.nonCumulative() ? zero : employee.taxToDate();
        Workings.Builder workings = Workings.builder()
                .add("tax code", code.text())
                .add("rates", code.regime().name())
                .add("basis", point.describe())
                .add("n", point.n())
                .add("periods in the year for the tables", point.periodsPerYear())
                .add("pay this period", pay)
                .add("Pn pay to date including this period", payToDate);

        Money taxDue = switch (code.kind()) {
            case NO_TAX -> zero;
            case BASIC_RATE, HIGHER_RATE -> singleRate(info, bands, code, payToDate, workings);
            case FREE_PAY, ADDITIONAL_PAY -> byBands(info, rules, bands, code, point, payToDate, workings);
        };

        // §4.5: this period's tax is the change in tax due; refunds only on the cumulative basis.
        Money thisPeriod = code.kind() == TaxCode.Kind.NO_TAX ? zero : taxDue.minus(taxBefore);
        if (point.nonCumulative()) {
            thisPeriod = thisPeriod.atLeastZero();
        }
        Money limit = pay.times(rules.regulatoryLimit()).roundedDown();
        Money tax = thisPeriod.min(limit);
        workings.add("Ln tax due to date", taxDue)
                .add("tax to date before this period", taxBefore)
                .add("tax this period (Ln − tax to date" + (point.nonCumulative() ? ", no refund" : "") + ")", thisPeriod)
                .add("regulatory limit (" + Rates.asPercent(rules.regulatoryLimit()) + " of pay, rounded down)", limit)
                .add("limit applied", tax.equals(thisPeriod) ? "no" : point.nonCumulative()
                        ? "yes, the shortfall is not carried forward (non-cumulative)"
                        : "yes; the tax to date catches up with the shortfall in later periods (cumulative)")
                .add("tax", tax);
        String rule = "HMRC PAYE tax table routine " + info.taxYear() + ", " + code.regime().name() + " rates, code "
                + code.text() + ", " + point.describe();
        return new PayLine("PAYE", tax, pay, rule, workings.build());
    }

    /** §5, §6: BR and D codes tax all pay, in whole pounds, at one rate; no free pay. */
    private static Money singleRate(PackInfo info, TaxBands bands, TaxCode code, Money payToDate, Workings.Builder workings) {
        int position = code.kind() == TaxCode.Kind.BASIC_RATE ? bands.basicRate() : bands.higherRatePosition(code.number());
        if (position > bands.rates().size()) {
            throw BusinessRuleViolation.invalid("employee.taxCode", "Code " + code.text() + " has no rate in the "
                    + code.regime().name() + " bands of " + info.taxYear());
        }
        Money wholePounds = payToDate.exact().roundedDownToWholeUnits();
        Money due = wholePounds.times(bands.rate(position)).roundedDown();
        workings.add("Pn rounded down to whole £", wholePounds)
                .percent("rate R" + position, bands.rate(position))
                .add("Ln (whole £ × rate, rounded down to the penny)", due);
        info.flagIfUnverified(workings, "paye." + code.regime() + ".rates");
        return due;
    }

    private static Money byBands(PackInfo info, PayeRules rules, TaxBands bands, TaxCode code, TablePoint point,
                                 Money payToDate, Workings.Builder workings) {
        // §4.3.1: period-1 free pay (or additional pay) by the "note for programmers" method, times n.
        Money per500 = point.periodsPerYear() == 12 ? rules.freePayPer500Monthly() : rules.freePayPer500Weekly();
        Money periodOne = periodOneAdjustment(code.number(), point.periodsPerYear(), per500, workings);
        Money adjustment = periodOne.times(point.n());
        boolean additional = code.kind() == TaxCode.Kind.ADDITIONAL_PAY;
        // §4.3.2: taxable pay to date.
        Money taxable = additional ? payToDate.plus(adjustment) : payToDate.minus(adjustment);
        workings.add((additional ? "additional" : "free") + " pay to date (period 1 × n)", adjustment)
                .add("Un taxable pay to date (Pn " + (additional ? "+" : "−") + " " + (additional ? "additional" : "free")
                        + " pay)", taxable);
        if (!taxable.isPositive()) {
            workings.add("band", "none: no taxable pay to date");
            return Money.zero(payToDate.currency());
        }
        // §4.4: the first band whose limit for n periods, rounded up to the £, is not below Un.
        int band = bands.rates().size();
        String bandLimit = "none (top band)";
        for (int i = 1; i < bands.rates().size(); i++) {
            Money limit = share(bands.cumulativeWidth(i).exact(), point).roundedUpToWholeUnits();
            if (taxable.compareTo(limit) <= 0) {
                band = i;
                bandLimit = limit.toPlainString();
                break;
            }
        }
        UnroundedMoney bandFloor = share(bands.cumulativeWidth(band - 1).exact(), point);
        UnroundedMoney taxBelowBand = share(bands.cumulativeTax(band - 1), point);
        Money wholePounds = taxable.exact().roundedDownToWholeUnits();
        UnroundedMoney exact = taxBelowBand.plus(wholePounds.exact().minus(bandFloor).times(bands.rate(band)));
        Money due = exact.roundedDown();
        workings.add("band", "R" + band + " at " + Rates.asPercent(bands.rate(band)))
                .add("v(i) band limit for n (C × n ÷ periods, rounded up to the £); Un ≤ v(i)", bandLimit)
                .add("c(i−1) band floor for n (C × n ÷ periods, 4 d.p. truncated)", bandFloor)
                .add("k(i−1) tax below the band for n (K × n ÷ periods, 4 d.p. truncated)", taxBelowBand)
                .add("Tn taxable pay rounded down to whole £", wholePounds)
                .add("k(i−1) + (Tn − c(i−1)) × R(i)", exact)
                .add("Ln rounded down to the penny", due);
        info.flagIfUnverified(workings, "paye." + code.regime() + ".bands");
        info.flagIfUnverified(workings, "paye." + code.regime() + ".rates");
        return due;
    }

    /**
     * Free (or additional) pay for period 1: q = (code − 1) div 500, r = ((code − 1) mod 500) + 1;
     * (r × 10 + 9) ÷ periods to 4 d.p., rounded up to the penny, plus q × the per-500 amount.
     */
    static Money periodOneAdjustment(int codeNumber, int periodsPerYear, Money per500, Workings.Builder workings) {
        if (codeNumber == 0) {
            workings.add("period 1 adjustment", "0 (code 0)");
            return Money.zero(per500.currency());
        }
        int q = (codeNumber - 1) / 500;
        int r = (codeNumber - 1) % 500 + 1;
        Money annual = Money.of(BigDecimal.valueOf(r * 10L + 9), per500.currency());
        Money value = annual.dividedBy(periodsPerYear).truncatedTo(4).roundedUp();
        Money periodOne = value.plus(per500.times(q));
        workings.add("q, r", q + ", " + r)
                .add("(r × 10 + 9) ÷ periods, 4 d.p., rounded up to the penny", value)
                .add("period 1 adjustment (+ q × " + per500.toPlainString() + ")", periodOne);
        return periodOne;
    }

    /** An annual figure's share for n periods, to 4 d.p. truncated (§4.4; the reference leaves truncation vs rounding open). */
    private static UnroundedMoney share(UnroundedMoney annual, TablePoint point) {
        return annual.times(point.n()).dividedBy(point.periodsPerYear()).truncatedTo(4);
    }
}
