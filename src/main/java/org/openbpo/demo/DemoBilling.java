package org.openbpo.demo;

import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.PricePlans;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The demo clients' price plans, one of each kind a BPO contract uses: Lakeshore pays graduated
 * tiers per ticket plus a monthly fee, and dedicated agents for its IT service desk; Albion buys a
 * prepaid bank of policy changes that rolls over, and volume-priced support with a minimum
 * commitment; Kaveri pays per keyed record.
 */
@Component
class DemoBilling {

    private final PricePlans plans;
    private final Contracts contracts;

    DemoBilling(PricePlans plans, Contracts contracts) {
        this.plans = plans;
        this.contracts = contracts;
    }

    void load(DemoData.DemoClients clients) {
        UUID lakeshore = clients.lakeshore().id();
        Contract lr = contracts.of(lakeshore).getFirst();
        plans.define(lakeshore, plan(lr, "customer-support", "ticket", Pricing.GRADUATED,
                List.of(tier("1000", "3.20"), tier(null, "2.75")), "1500.00", null, null, null, null, null, false, "No sales tax", "0"));
        plans.define(lakeshore, plan(lr, "it-service-desk", "incident", Pricing.GRADUATED, List.of(tier(null, "0")), null,
                "4", "160", "28.00", null, null, false, "No sales tax", "0"));
        UUID albion = clients.albion().id();
        Contract am = contracts.of(albion).getFirst();
        plans.define(albion, plan(am, "policy-admin", "request", Pricing.GRADUATED, List.of(tier(null, "14.00")), null,
                null, null, null, "500", "6000.00", true, "VAT", "20"));
        plans.define(albion, withMinimum(plan(am, "policy-support", "ticket", Pricing.VOLUME,
                List.of(tier("2000", "4.10"), tier(null, "3.60")), null, null, null, null, null, null, false, "VAT", "20"), "2500.00"));
        UUID kaveri = clients.kaveri().id();
        Contract ks = contracts.of(kaveri).getFirst();
        plans.define(kaveri, plan(ks, "data-entry", "record", Pricing.GRADUATED,
                List.of(tier("50000", "1.80"), tier(null, "1.50")), "25000", null, null, null, null, null, false, "GST", "18"));
    }

    private static DefinePricePlan plan(Contract contract, String line, String unit, Pricing pricing, List<Tier> tiers,
                                        String monthly, String agents, String hours, String rate, String prepaid,
                                        String prepaidFee, boolean rollover, String taxName, String taxPercent) {
        return new DefinePricePlan(contract.id(), line, contract.startsOn().withDayOfMonth(1), null, unit, pricing, tiers,
                decimal(monthly), decimal(agents), decimal(hours), decimal(rate), null, decimal(prepaid), decimal(prepaidFee),
                rollover, taxName, new BigDecimal(taxPercent), null);
    }

    private static DefinePricePlan withMinimum(DefinePricePlan plan, String minimum) {
        return new DefinePricePlan(plan.contractId(), plan.serviceLine(), plan.effectiveFrom(), plan.effectiveTo(), plan.unit(),
                plan.pricing(), plan.tiers(), plan.monthlyFee(), plan.fteAgents(), plan.fteHours(), plan.fteHourlyRate(),
                new BigDecimal(minimum), plan.prepaidUnits(), plan.prepaidFee(), plan.rollover(), plan.taxName(), plan.taxPercent(),
                plan.note());
    }

    private static Tier tier(String upTo, String price) {
        return new Tier(decimal(upTo), new BigDecimal(price));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
