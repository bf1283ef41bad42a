package org.openbpo.payroll.domain;

import org.openbpo.payroll.domain.india.IndianEmployee;
import org.openbpo.payroll.domain.india.IndiaPayroll;
import org.openbpo.payroll.domain.india.IndiaRulePack;
import org.openbpo.payroll.domain.philippines.PhilippineEmployee;
import org.openbpo.payroll.domain.philippines.PhilippinesPayroll;
import org.openbpo.payroll.domain.philippines.PhilippinesRulePack;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomEmployee;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomPayroll;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomRulePack;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesEmployee;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesPayroll;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesRulePack;

/** Calculates gross to net with the pack of the request's country and tax year. Stateless, thread-safe. */
public final class PayrollEngine {

    private final RulePacks packs;

    public PayrollEngine(RulePacks packs) {
        this.packs = packs;
    }

    public GrossToNet calculate(PayRequest request) {
        RulePack pack = packs.find(request.country(), request.taxYear());
        return switch (request.employee()) {
            case UnitedStatesEmployee employee -> UnitedStatesPayroll.calculate((UnitedStatesRulePack) pack, request, employee);
            case UnitedKingdomEmployee employee -> UnitedKingdomPayroll.calculate((UnitedKingdomRulePack) pack, request, employee);
            case IndianEmployee employee -> IndiaPayroll.calculate((IndiaRulePack) pack, request, employee);
            case PhilippineEmployee employee -> PhilippinesPayroll.calculate((PhilippinesRulePack) pack, request, employee);
            default -> throw new IllegalArgumentException("No payroll for " + request.employee().getClass().getSimpleName());
        };
    }

    public RulePacks packs() {
        return packs;
    }
}
