package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.List;

/** Gross to net for a UK employee: PAYE income tax and Class 1 NICs, employee and employer. */
public final class UnitedKingdomPayroll {

    private UnitedKingdomPayroll() {
    }

    public static GrossToNet calculate(UnitedKingdomRulePack pack, PayRequest request, UnitedKingdomEmployee employee) {
        pack.info().requirePeriod(request.period());
        NiCategory category = pack.nationalInsurance().categories().get(employee.niCategory());
        if (category == null) {
            throw BusinessRuleViolation.invalid("employee.niCategory", "'" + employee.niCategory()
                    + "' is not an NI category letter of " + pack.info().id() + "; use one of "
                    + pack.nationalInsurance().categories().keySet().stream().sorted().toList());
        }
        var pay = request.gross();
        var period = request.period();
        return GrossToNet.of(pack.info().country(), pack.info().taxYear(), pay,
                List.of(PayeRoutine.tax(pack.info(), pack.paye(), period, pay, employee),
                        NationalInsurance.employee(pack.info(), pack.nationalInsurance(), period, pay, category, employee)),
                List.of(NationalInsurance.employer(pack.info(), pack.nationalInsurance(), period, pay, category, employee)));
    }
}
