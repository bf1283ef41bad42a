package org.openbpo.payroll;

import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.PayrollEngine;
import org.openbpo.payroll.domain.RulePacks;
import org.openbpo.payroll.domain.india.IndianEmployee;
import org.openbpo.payroll.domain.philippines.ContributionShare;
import org.openbpo.payroll.domain.philippines.PhilippineEmployee;
import org.openbpo.payroll.domain.unitedkingdom.TaxCode;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomEmployee;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.FormW4;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesEmployee;
import org.openbpo.shared.money.Money;

/** Employees and requests for the payroll tests, with the shipped rule packs. */
final class PayrollFixtures {

    static final PayrollEngine ENGINE = new PayrollEngine(RulePacks.shipped());

    private PayrollFixtures() {
    }

    static Money usd(String amount) {
        return Money.of(amount, Country.US.currency());
    }

    static Money gbp(String amount) {
        return Money.of(amount, Country.GB.currency());
    }

    static Money inr(String amount) {
        return Money.of(amount, Country.IN.currency());
    }

    static Money php(String amount) {
        return Money.of(amount, Country.PH.currency());
    }

    static GrossToNet pay(String taxYear, PayFrequency frequency, int period, Money gross, EmployeeDetails employee) {
        return ENGINE.calculate(new PayRequest(taxYear, new PayPeriod(frequency, period), gross,
                employee));
    }

    static String amount(GrossToNet result, String code) {
        return result.line(code).amount().toPlainString();
    }

    // United States

    static FormW4 w4(FilingStatus status) {
        return new FormW4(status, false, usd("0"), usd("0"), usd("0"), usd("0"));
    }

    static UnitedStatesEmployee american(FormW4 w4, String wagesToDate) {
        return new UnitedStatesEmployee(w4, usd(wagesToDate));
    }

    // United Kingdom

    static UnitedKingdomEmployee briton(String code, String category) {
        return briton(code, category, "0", "0");
    }

    static UnitedKingdomEmployee briton(String code, String category, String payToDate, String taxToDate) {
        return new UnitedKingdomEmployee(TaxCode.parse(code), category, false, gbp(payToDate), gbp(taxToDate),
                gbp("0"), gbp("0"), gbp("0"));
    }

    static UnitedKingdomEmployee director(String category, String niablePayToDate, String employeeNi, String employerNi) {
        return new UnitedKingdomEmployee(TaxCode.parse("1257L"), category, true, gbp(niablePayToDate), gbp("0"),
                gbp(niablePayToDate), gbp(employeeNi), gbp(employerNi));
    }

    // India

    static IndianEmployee indian(String annualSalary, String salaryToDate, String tdsToDate) {
        return new IndianEmployee(annualSalary == null ? null : inr(annualSalary), inr(salaryToDate), inr(tdsToDate),
                null, false, true, true);
    }

    static IndianEmployee epfMember(String wages, boolean onActualWages, boolean pensionMember) {
        return new IndianEmployee(null, inr("0"), inr("0"), inr(wages), onActualWages, pensionMember, true);
    }

    // Philippines

    static PhilippineEmployee filipino(String basicMonthly) {
        return new PhilippineEmployee(php(basicMonthly), null, null, false, php("0"), null);
    }

    static PhilippineEmployee filipino(String basicMonthly, boolean minimumWageEarner, ContributionShare share) {
        return new PhilippineEmployee(php(basicMonthly), null, null, minimumWageEarner, php("0"), share);
    }
}
