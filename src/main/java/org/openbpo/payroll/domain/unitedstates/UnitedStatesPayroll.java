package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.PayRequest;

import java.util.List;

/** Gross to net for a US employee: federal income tax, FICA and, for the employer, FUTA. */
public final class UnitedStatesPayroll {

    private UnitedStatesPayroll() {
    }

    public static GrossToNet calculate(UnitedStatesRulePack pack, PayRequest request, UnitedStatesEmployee employee) {
        pack.info().requirePeriod(request.period());
        var wages = request.gross();
        var toDate = employee.wagesToDate();
        String year = pack.info().taxYear();
        List<PayLine> deducted = List.of(
                employee.supplementalWages() ? SupplementalWithholding.withholding(pack.info(), pack.incomeTax(), request.period(),
                        wages, employee) : Worksheet1A.withholding(pack.info(), pack.incomeTax(), request.period(), wages, employee.w4()),
                Fica.socialSecurity("SS", year, pack.fica(), wages, toDate),
                Fica.medicare("MEDICARE", year, pack.fica(), wages),
                Fica.additionalMedicare(year, pack.fica(), wages, toDate));
        List<PayLine> employer = List.of(
                Fica.socialSecurity("SS_ER", year, pack.fica(), wages, toDate),
                Fica.medicare("MEDICARE_ER", year, pack.fica(), wages),
                Futa.tax(pack.info(), pack.futa(), wages, toDate));
        return GrossToNet.of(pack.info().country(), year, wages, deducted, employer);
    }
}
