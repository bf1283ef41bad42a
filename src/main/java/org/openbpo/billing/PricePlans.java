package org.openbpo.billing;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.domain.Rating;
import org.openbpo.billing.persistence.CreditRows;
import org.openbpo.billing.persistence.PlanRows;
import org.openbpo.billing.persistence.UsageRows;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.Actor;
import org.openbpo.tenancy.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * What the provider charges for each service line of a contract, versioned by the month a price
 * takes effect, and the one-off fees beside it. Prices are in the contract's currency.
 */
@Service
public class PricePlans {

    private final PlanRows plans;
    private final CreditRows fees;
    private final UsageRows usage;
    private final Contracts contracts;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    PricePlans(PlanRows plans, CreditRows fees, UsageRows usage, Contracts contracts, Clients clients, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.fees = fees;
        this.usage = usage;
        this.contracts = contracts;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PricePlan define(UUID clientId, DefinePricePlan command) {
        // checked against the contract's term as it stands, which no revision moves until this plan is saved
        Contract contract = contracts.hold(clientId, command.contractId());
        if (contract.serviceLines().stream().noneMatch(line -> line.code().equals(command.serviceLine()))) {
            throw BusinessRuleViolation.invalid("serviceLine", command.serviceLine() + " is not a service line of contract "
                    + contract.reference());
        }
        if (command.effectiveFrom().getDayOfMonth() != 1) {
            throw BusinessRuleViolation.invalid("effectiveFrom", "must be the first day of a month: prices change between billing periods");
        }
        if (command.effectiveTo() != null && (command.effectiveTo().getDayOfMonth() != 1
                || !command.effectiveTo().isAfter(command.effectiveFrom()))) {
            throw BusinessRuleViolation.invalid("effectiveTo", "must be the first day of a later month (the plan ends before it)");
        }
        String tiers = Rating.problemWith(command.tiers());
        if (tiers != null) {
            throw BusinessRuleViolation.invalid("tiers", tiers);
        }
        int digits = Currency.getInstance(contract.currency()).getDefaultFractionDigits();
        checkAmount("monthlyFee", command.monthlyFee(), digits);
        checkAmount("prepaidFee", command.prepaidFee(), digits);
        checkAmount("minimumCommitment", command.minimumCommitment(), digits);
        plans.lock(clientId, command.serviceLine());
        if (usage.closed(clientId, command.effectiveFrom())) {
            throw new BusinessRuleViolation(409, "period-closed", "effectiveFrom", "Billing of "
                    + YearMonth.from(command.effectiveFrom()) + " is closed; a price can only change in an open month.");
        }
        PricePlan superseded = null;
        for (PricePlan version : plans.versions(clientId, command.contractId(), command.serviceLine())) {
            boolean supersedes = version.effectiveTo() == null && version.effectiveFrom().isBefore(command.effectiveFrom());
            if (supersedes) {
                superseded = version;
            } else if (overlap(version.effectiveFrom(), version.effectiveTo(), command.effectiveFrom(), command.effectiveTo())) {
                throw new BusinessRuleViolation(409, "price-plan-overlap", "effectiveFrom", "The price plan of "
                        + command.serviceLine() + " in force from " + version.effectiveFrom()
                        + (version.effectiveTo() == null ? "" : " until " + version.effectiveTo())
                        + " overlaps this one; a month has exactly one price plan.");
            }
        }
        if (superseded != null && command.effectiveTo() != null
                && plans.versions(clientId, command.contractId(), command.serviceLine()).stream()
                .noneMatch(v -> v.effectiveFrom().equals(command.effectiveTo()))) {
            throw new BusinessRuleViolation(409, "price-plan-overlap", "effectiveTo", "A plan ending on " + command.effectiveTo()
                    + " would leave the months after it without a price; leave effectiveTo empty to change the price from "
                    + command.effectiveFrom() + " on.");
        }
        checkPricesAMonth(clientId, contract, command);
        if (superseded != null) {
            plans.endAt(clientId, superseded.id(), command.effectiveFrom());
            audit.record(clientId, "price-plan.superseded", "price-plan", superseded.id(), superseded,
                    plans.find(clientId, superseded.id(), List.of()).orElseThrow());
        }
        UUID id = Ids.next();
        plans.insert(clientId, id, command, contract.currency(), clock.instant(), Actor.name());
        PricePlan plan = plans.find(clientId, id, inForceNow(clientId)).orElseThrow();
        audit.record(clientId, "price-plan.defined", "price-plan", id, null, plan);
        return plan;
    }

    @Transactional(readOnly = true)
    public List<PricePlan> of(UUID clientId, @Nullable UUID contractId) {
        return plans.ofClient(clientId, contractId, inForceNow(clientId));
    }

    @Transactional(readOnly = true)
    public PricePlan get(UUID clientId, UUID planId) {
        return plans.find(clientId, planId, inForceNow(clientId)).orElseThrow(() -> new NotFound("price plan", planId));
    }

    /**
     * The plans pricing the client's service lines in its current month, as rating picks them: a plan's own dates say
     * when it is set, its contract's term whether it still charges (after a renewal, the ended contract's open-ended plan
     * shows as not in force).
     */
    private List<UUID> inForceNow(UUID clientId) {
        LocalDate today = clients.today(clientId);
        return plans.inForce(List.of(clientId), today.withDayOfMonth(1)).stream().map(PricePlan::id).toList();
    }

    /** Adds a one-off fee to a month's invoice; the same source key again returns the first fee. */
    @Transactional
    public OneOffFee addOneOffFee(UUID clientId, AddOneOffFee command) {
        Contract contract = contracts.hold(clientId, command.contractId()); // the month is checked against the term as it stands
        if (contract.serviceLines().stream().noneMatch(line -> line.code().equals(command.serviceLine()))) {
            throw BusinessRuleViolation.invalid("serviceLine", command.serviceLine() + " is not a service line of contract "
                    + contract.reference());
        }
        checkAmount("amount", command.amount(), Currency.getInstance(contract.currency()).getDefaultFractionDigits());
        LocalDate period = month("period", command.period());
        LocalDate lastDay = period.plusMonths(1).minusDays(1);
        if (lastDay.isBefore(contract.startsOn()) || (contract.endsOn() != null && period.isAfter(contract.endsOn()))) {
            throw BusinessRuleViolation.invalid("period", "Contract " + contract.reference() + " runs from " + contract.startsOn()
                    + (contract.endsOn() == null ? " on" : " to " + contract.endsOn()) + "; a fee of " + command.period()
                    + " falls outside its term.");
        }
        usage.lockMonth(clientId, period, false);
        if (usage.closed(clientId, period)) {
            throw new BusinessRuleViolation(409, "period-closed", "period", "Billing of " + command.period()
                    + " is closed; charge the fee in an open month.");
        }
        OneOffFee fee = new OneOffFee(clientId, Ids.next(), command.contractId(), command.serviceLine(), period,
                command.description(), command.amount(), command.sourceKey(), clock.instant(), Actor.name());
        if (fees.insertFee(fee)) {
            audit.record(clientId, "one-off-fee.added", "one-off-fee", fee.id(), null, fee);
            return fee;
        }
        OneOffFee first = fees.feeBySource(clientId, command.sourceKey()).orElseThrow();
        if (first.amount().compareTo(command.amount()) != 0 || !first.period().equals(period)) {
            throw new BusinessRuleViolation(409, "source-key-taken", "sourceKey", "A different fee was added with source key "
                    + command.sourceKey() + ".");
        }
        return first;
    }

    @Transactional(readOnly = true)
    public List<OneOffFee> oneOffFees(UUID clientId, LocalDate period) {
        clients.get(clientId);
        return fees.fees(List.of(clientId), period);
    }

    static LocalDate month(String field, String text) {
        try {
            return YearMonth.parse(text).atDay(1);
        } catch (DateTimeParseException e) {
            throw BusinessRuleViolation.invalid(field, text + " is not a month (YYYY-MM).");
        }
    }

    private static void checkAmount(String field, @Nullable BigDecimal amount, int digits) {
        if (amount != null && amount.stripTrailingZeros().scale() > digits) {
            throw BusinessRuleViolation.invalid(field, "has more decimals than the contract's currency allows (" + digits + ")");
        }
    }

    /**
     * Rating prices a service line's month with one plan (see {@link PlanRows#inForce}): a plan charges only in months its
     * contract's term reaches, and in a month two contracts' terms share (a renewal taking the line over mid-month), the
     * plan of the contract holding the line at the month's end, else of the one that held it last. A plan that would so
     * price no month at all is refused rather than kept to be silently ignored: one wholly outside its contract's term
     * (422), or one every month of which, within the term, another contract's plan for the line takes (409).
     */
    private void checkPricesAMonth(UUID clientId, Contract contract, DefinePricePlan command) {
        YearMonth from = max(YearMonth.from(command.effectiveFrom()), YearMonth.from(contract.startsOn()));
        YearMonth to = contract.endsOn() == null ? null : YearMonth.from(contract.endsOn());
        if (command.effectiveTo() != null) {
            YearMonth last = YearMonth.from(command.effectiveTo()).minusMonths(1);
            to = to == null || last.isBefore(to) ? last : to;
        }
        if (to == null) {
            return; // the contract runs on and so does the plan: no later contract can take the line from it
        }
        if (from.isAfter(to)) {
            boolean afterTheTerm = contract.endsOn() != null
                    && YearMonth.from(command.effectiveFrom()).isAfter(YearMonth.from(contract.endsOn()));
            throw BusinessRuleViolation.invalid(afterTheTerm ? "effectiveFrom" : "effectiveTo", "Contract " + contract.reference() + " runs from " + contract.startsOn()
                    + (contract.endsOn() == null ? "" : " to " + contract.endsOn()) + "; a plan from " + command.effectiveFrom()
                    + (command.effectiveTo() == null ? "" : " until " + command.effectiveTo())
                    + " would price no month of its term.");
        }
        List<Contract> later = contracts.of(clientId).stream()
                .filter(other -> !other.id().equals(contract.id()))
                .filter(other -> other.serviceLines().stream().anyMatch(line -> line.code().equals(command.serviceLine())))
                .filter(other -> contract.endsOn() != null && (other.endsOn() == null || other.endsOn().isAfter(contract.endsOn())))
                .toList();
        PricePlan taking = null;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1);
            LocalDate last = month.atEndOfMonth();
            taking = later.stream()
                    .filter(other -> !other.startsOn().isAfter(last) && (other.endsOn() == null || !other.endsOn().isBefore(first)))
                    .flatMap(other -> plans.versions(clientId, other.id(), command.serviceLine()).stream())
                    .filter(plan -> plan.inForceOn(first))
                    .findFirst().orElse(null);
            if (taking == null) {
                return; // this month the plan prices
            }
        }
        Contract holder = contracts.get(clientId, taking.contractId());
        throw new BusinessRuleViolation(409, "price-plan-overlap", "effectiveFrom", "Contract " + holder.reference()
                + " took " + command.serviceLine() + " over from " + holder.startsOn() + " and its price plan from "
                + taking.effectiveFrom() + " prices " + (from.equals(to) ? from : from + " to " + to)
                + "; a month has exactly one price plan, so this plan of contract " + contract.reference()
                + " would price no month of its term.");
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean overlap(LocalDate from, @Nullable LocalDate to, LocalDate otherFrom, @Nullable LocalDate otherTo) {
        return (to == null || otherFrom.isBefore(to)) && (otherTo == null || from.isBefore(otherTo));
    }
}
