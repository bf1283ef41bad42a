package org.openbpo.billing.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.billing.LineKind;
import org.openbpo.billing.PricePlan;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The lines of one client's invoice for one month in one currency, from the plans in force, the
 * month's usage, its one-off fees and the service credits owed.
 *
 * <p>Rounding rule (stated once, applied everywhere): each line is rounded once, half up, to the
 * currency's minor unit (a tiered line rounds the exact sum of its tiers, not each tier); a
 * service credit is its percentage of the rounded fee lines of its service line and month, rounded
 * half up; tax is computed per rate on the sum of that rate's rounded lines, rounded half up; the
 * subtotal and total are exact sums.
 *
 * <p>Tax rule: a line is taxed at the rate of the plan in force for the month it bills, so a credit
 * or an earn-back of an earlier month carries the rate that month's fees were charged at, not this
 * month's: it gives back, or charges again, exactly the tax of the fees it is a share of. A one-off fee is taxed at
 * the rate of its own contract's plan for its line (in force in its month, else the contract's last plan before it),
 * so an ended contract's exit fee billed beside a renewal in another currency is not left untaxed. A usage line's
 * quantity is exactly the sum of the usage records behind it.
 */
public final class InvoiceCalculation {

    public record PlanInForce(PricePlan plan, BigDecimal carriedIn) {
    }

    public record Usage(String serviceLine, String unit, BigDecimal quantity, long records) {
    }

    /**
     * A one-off fee with {@code tax}, the tax of its own contract's plan for its line (null when that contract has no
     * plan for the line): a fee is its contract's, whichever plan prices the line on this invoice.
     */
    public record OneOff(UUID id, String serviceLine, String description, BigDecimal amount, @Nullable Tax tax) {
    }

    /** A tax as a line carries it: its name and its rate. */
    public record Tax(String name, BigDecimal percent) {
    }

    /**
     * A credit owed. For a month invoiced before, {@code feesOfItsPeriod} are that month's fees and
     * {@code taxOfItsPeriod} the tax they were charged at (null when they had no line); both are null
     * for this invoice's own month.
     */
    public record Credit(UUID id, LocalDate period, String serviceLine, BigDecimal percent, String reason,
                         @Nullable BigDecimal feesOfItsPeriod, @Nullable Tax taxOfItsPeriod) {
    }

    /**
     * An earn-back carried by this invoice: {@code percent} of {@code feesOfCreditPeriod}, the credited
     * month's rounded fees, charged at {@code taxOfCreditPeriod}, the tax of those fees (null when they
     * had no line), and {@code amount} what is charged after the cap ({@link #earnBackAmount}).
     */
    public record EarnBackCharge(UUID id, LocalDate creditPeriod, String serviceLine, BigDecimal percent, String reason,
                                 Money feesOfCreditPeriod, @Nullable Tax taxOfCreditPeriod, Money cap, Money amount) {
    }

    public record Charge(LineKind kind, String serviceLine, @Nullable String unit, String description, BigDecimal quantity,
                         BigDecimal billedQuantity, Money amount, String taxName, BigDecimal taxPercent, long records,
                         @Nullable UUID reference) {
    }

    public record BankMonth(UUID planId, String serviceLine, PrepaidBank bank) {
    }

    public record Result(List<Charge> charges, List<BankMonth> banks, Money subtotal, Money tax, Money total) {
    }

    public static final String NO_TAX = "No tax";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private InvoiceCalculation() {
    }

    public static Result calculate(Currency currency, List<PlanInForce> plans, List<Usage> usage, List<OneOff> oneOffs,
                                   List<Credit> credits, LocalDate period) {
        return calculate(currency, plans, usage, oneOffs, credits, List.of(), period);
    }

    /**
     * An earn-back gives back its percentage of the credited month's fees, rounded half up like every
     * line, but never more than {@code cap}: what the window's credits took off, less what was given
     * back already (never below zero).
     */
    public static Money earnBackAmount(Money feesOfCreditPeriod, BigDecimal percent, Money cap) {
        return lineRounding(feesOfCreditPeriod.times(percent).dividedBy(100)).min(cap.atLeastZero());
    }

    public static Result calculate(Currency currency, List<PlanInForce> plans, List<Usage> usage, List<OneOff> oneOffs,
                                   List<Credit> credits, List<EarnBackCharge> earnBacks, LocalDate period) {
        List<Charge> charges = new ArrayList<>();
        List<BankMonth> banks = new ArrayList<>();
        Map<String, Usage> usageByLine = new LinkedHashMap<>();
        List<Usage> unpriced = new ArrayList<>();
        Map<String, PlanInForce> planByLine = new HashMap<>();
        for (PlanInForce p : plans) {
            // One plan rates a service line in a month; two would charge its usage and fees twice (a renewal's plan beside
            // the ended contract's): the caller chooses the one, this refuses to guess.
            if (planByLine.put(p.plan().serviceLine(), p) != null) {
                throw new IllegalArgumentException("Two price plans rate " + p.plan().serviceLine() + " in " + period);
            }
        }
        for (Usage u : usage) {
            PlanInForce plan = planByLine.get(u.serviceLine());
            if (plan != null && plan.plan().unit().equals(u.unit())) {
                usageByLine.put(u.serviceLine(), u);
            } else {
                unpriced.add(u);
            }
        }
        for (PlanInForce inForce : plans.stream().sorted(Comparator.comparing(p -> p.plan().serviceLine())).toList()) {
            PricePlan plan = inForce.plan();
            Usage used = usageByLine.get(plan.serviceLine());
            BigDecimal quantity = used == null ? BigDecimal.ZERO : used.quantity();
            long records = used == null ? 0 : used.records();
            Money lineFees = Money.zero(currency);
            BigDecimal billed = quantity;
            String prepaidNote = "";
            if (plan.prepaidUnits().signum() > 0 || inForce.carriedIn().signum() > 0) {
                PrepaidBank bank = PrepaidBank.drawDown(plan.prepaidUnits(), inForce.carriedIn(), quantity,
                        plan.rollsOverAfter(period));
                banks.add(new BankMonth(plan.id(), plan.serviceLine(), bank));
                billed = bank.overage();
                prepaidNote = ", " + plain(quantity.subtract(bank.overage())) + " from the prepaid bank";
                if (plan.prepaidFee().signum() > 0) {
                    lineFees = add(charges, new Charge(LineKind.PREPAID_FEE, plan.serviceLine(), null,
                            "Prepaid bank of " + plain(plan.prepaidUnits()) + " " + plan.unit() + (plan.rollsOverAfter(period) ? " (unused units roll over one month)" : ""),
                            BigDecimal.ONE, BigDecimal.ONE, lineRounding(new UnroundedMoney(plan.prepaidFee(), currency)),
                            plan.taxName(), plan.taxPercent(), 0, plan.id()), lineFees);
                }
            }
            if (used != null || plan.tiers().stream().anyMatch(t -> t.unitPrice().signum() > 0)) {
                Money amount = lineRounding(Rating.price(plan.pricing(), plan.tiers(), billed, currency));
                lineFees = add(charges, new Charge(LineKind.USAGE, plan.serviceLine(), plan.unit(),
                        plain(quantity) + " " + plan.unit() + prepaidNote + ", " + plain(billed) + " billed ("
                                + plan.pricing().name().toLowerCase(Locale.ROOT) + " tiers)",
                        quantity, billed, amount, plan.taxName(), plan.taxPercent(), records, plan.id()), lineFees);
            }
            if (plan.monthlyFee().signum() > 0) {
                lineFees = add(charges, new Charge(LineKind.MONTHLY_FEE, plan.serviceLine(), null, "Monthly fee",
                        BigDecimal.ONE, BigDecimal.ONE, lineRounding(new UnroundedMoney(plan.monthlyFee(), currency)),
                        plan.taxName(), plan.taxPercent(), 0, plan.id()), lineFees);
            }
            if (plan.fteAgents().signum() > 0 && plan.fteHours().signum() > 0) {
                BigDecimal hours = plan.fteAgents().multiply(plan.fteHours());
                lineFees = add(charges, new Charge(LineKind.FTE_FEE, plan.serviceLine(), "hour",
                        "Dedicated agents: " + plain(plan.fteAgents()) + " × " + plain(plan.fteHours()) + " h at "
                                + plain(plan.fteHourlyRate()) + " per hour",
                        hours, hours, lineRounding(new UnroundedMoney(hours.multiply(plan.fteHourlyRate()), currency)),
                        plan.taxName(), plan.taxPercent(), 0, plan.id()), lineFees);
            }
            Money minimum = lineRounding(new UnroundedMoney(plan.minimumCommitment(), currency));
            if (lineFees.isLessThan(minimum)) {
                add(charges, new Charge(LineKind.MINIMUM_TOP_UP, plan.serviceLine(), null,
                        "Minimum commitment of " + minimum.toPlainString() + " (fees were " + lineFees.toPlainString() + ")",
                        BigDecimal.ONE, BigDecimal.ONE, minimum.minus(lineFees), plan.taxName(), plan.taxPercent(), 0, plan.id()),
                        lineFees);
            }
        }
        for (Usage u : unpriced) {
            add(charges, new Charge(LineKind.USAGE, u.serviceLine(), u.unit(),
                    plain(u.quantity()) + " " + u.unit() + ": no price plan for this unit in force", u.quantity(),
                    BigDecimal.ZERO, Money.zero(currency), NO_TAX, BigDecimal.ZERO, u.records(), null), Money.zero(currency));
        }
        for (OneOff fee : oneOffs) {
            Tax tax = fee.tax() != null ? fee.tax() : taxInForce(planByLine.get(fee.serviceLine()));
            add(charges, new Charge(LineKind.ONE_OFF_FEE, fee.serviceLine(), null, fee.description(), BigDecimal.ONE,
                    BigDecimal.ONE, lineRounding(new UnroundedMoney(fee.amount(), currency)), tax.name(), tax.percent(),
                    0, fee.id()), Money.zero(currency));
        }
        for (Credit credit : credits.stream().sorted(Comparator.comparing(Credit::period).thenComparing(Credit::serviceLine)).toList()) {
            Money fees = credit.feesOfItsPeriod() != null
                    ? lineRounding(new UnroundedMoney(credit.feesOfItsPeriod(), currency))
                    : feesOf(charges, credit.serviceLine(), currency);
            Money amount = lineRounding(fees.times(credit.percent()).dividedBy(100)).negate();
            Tax tax = credit.taxOfItsPeriod() != null ? credit.taxOfItsPeriod() : taxInForce(planByLine.get(credit.serviceLine()));
            add(charges, new Charge(LineKind.SERVICE_CREDIT, credit.serviceLine(), null,
                    "Service credit " + plain(credit.percent()) + "% of " + fees.toPlainString() + " fees for "
                            + credit.period().format(MONTH) + ": " + credit.reason(),
                    BigDecimal.ONE, BigDecimal.ONE, amount, tax.name(), tax.percent(), 0, credit.id()), Money.zero(currency));
        }
        for (EarnBackCharge back : earnBacks) {
            Tax tax = back.taxOfCreditPeriod() != null ? back.taxOfCreditPeriod() : taxInForce(planByLine.get(back.serviceLine()));
            Money full = lineRounding(back.feesOfCreditPeriod().times(back.percent()).dividedBy(100));
            add(charges, new Charge(LineKind.EARN_BACK, back.serviceLine(), null,
                    "Earn-back " + plain(back.percent()) + "% of " + back.feesOfCreditPeriod().toPlainString() + " fees for "
                            + back.creditPeriod().format(MONTH)
                            + (back.amount().isLessThan(full) ? ", capped at the " + back.cap().atLeastZero().toPlainString()
                            + " the credits of the window took off" : "") + ": " + back.reason(),
                    BigDecimal.ONE, BigDecimal.ONE, back.amount(), tax.name(), tax.percent(), 0, back.id()), Money.zero(currency));
        }
        Money subtotal = charges.stream().map(Charge::amount).reduce(Money.zero(currency), Money::plus);
        Money tax = taxOf(charges, currency);
        return new Result(List.copyOf(charges), List.copyOf(banks), subtotal, tax, subtotal.plus(tax));
    }

    private static Tax taxInForce(@Nullable PlanInForce plan) {
        return plan == null ? new Tax(NO_TAX, BigDecimal.ZERO) : new Tax(plan.plan().taxName(), plan.plan().taxPercent());
    }

    /** The fees of a service line among these charges: what its service credits are a percentage of. */
    public static Money feesOf(List<Charge> charges, String serviceLine, Currency currency) {
        return charges.stream().filter(c -> c.kind().isFee() && c.serviceLine().equals(serviceLine))
                .map(Charge::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** Tax per rate on the sum of that rate's lines, each rounded half up. */
    public static Money taxOf(List<Charge> charges, Currency currency) {
        Map<BigDecimal, Money> byRate = new HashMap<>();
        for (Charge charge : charges) {
            byRate.merge(charge.taxPercent().stripTrailingZeros(), charge.amount(), Money::plus);
        }
        return byRate.entrySet().stream()
                .map(e -> lineRounding(e.getValue().times(e.getKey()).dividedBy(100)))
                .reduce(Money.zero(currency), Money::plus);
    }

    /** The invoice rule: half up to the minor unit. */
    public static Money lineRounding(UnroundedMoney exact) {
        return exact.roundedHalfUp();
    }

    private static Money add(List<Charge> charges, Charge charge, Money fees) {
        charges.add(Objects.requireNonNull(charge));
        return fees.plus(charge.amount());
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
