package org.openbpo.payroll.web;

import java.util.Locale;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.RulePacks;
import org.openbpo.payroll.domain.india.IndianEmployee;
import org.openbpo.payroll.domain.philippines.ContributionShare;
import org.openbpo.payroll.domain.philippines.PhilippineEmployee;
import org.openbpo.payroll.domain.philippines.YearEnd;
import org.openbpo.payroll.domain.unitedkingdom.TaxCode;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomEmployee;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.FormW4;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesEmployee;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

import static org.openbpo.payroll.web.PreviewFields.choice;
import static org.openbpo.payroll.web.PreviewFields.notApplicable;
import static org.openbpo.payroll.web.PreviewFields.required;

/** Turns a preview request into the engine's pay request, field by field, in the order a reader checks them. */
final class PreviewReader {

    private static final PreviewRequest.ToDate NO_FIGURES = new PreviewRequest.ToDate(null, null, null, null, null);
    private static final PreviewRequest.Employee NO_FIELDS = new PreviewRequest.Employee(null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private PreviewReader() {
    }

    static PayRequest read(PreviewRequest request, RulePacks packs) {
        Country country = choice("country", required("country", request.country()), Country.class);
        String taxYear = required("taxYear", request.taxYear()).strip();
        var pack = packs.find(country, taxYear);
        PayFrequency frequency = choice("frequency", required("frequency", request.frequency()), PayFrequency.class);
        int number = required("period", request.period());
        if (number < 1) {
            throw BusinessRuleViolation.invalid("period", "Periods are numbered from 1, not " + number);
        }
        PayPeriod period = new PayPeriod(frequency, number);
        pack.info().requirePeriod(period);
        PreviewFields fields = new PreviewFields(country.currency());
        Money gross = fields.money("gross", required("gross", request.gross()));
        var toDate = request.toDate() == null ? NO_FIGURES : request.toDate();
        var employee = request.employee() == null ? NO_FIELDS : request.employee();
        refuseOtherCountries(country, toDate, employee);
        EmployeeDetails details = switch (country) {
            case US -> unitedStates(fields, toDate, employee);
            case GB -> unitedKingdom(fields, toDate, employee);
            case IN -> india(fields, toDate, employee);
            case PH -> philippines(fields, period, gross, toDate, employee);
        };
        return new PayRequest(taxYear, period, gross, details);
    }

    private static UnitedStatesEmployee unitedStates(PreviewFields fields, PreviewRequest.ToDate toDate, PreviewRequest.Employee e) {
        FormW4 w4 = new FormW4(choice("employee.filingStatus", required("employee.filingStatus", e.filingStatus()), FilingStatus.class),
                Boolean.TRUE.equals(e.step2()), fields.money("employee.step3", e.step3(), "0"),
                fields.money("employee.step4a", e.step4a(), "0"), fields.money("employee.step4b", e.step4b(), "0"),
                fields.money("employee.step4c", e.step4c(), "0"));
        return new UnitedStatesEmployee(w4, fields.eitherOf("employee.ytdWages", e.ytdWages(), "toDate.gross", toDate.gross()));
    }

    private static UnitedKingdomEmployee unitedKingdom(PreviewFields fields, PreviewRequest.ToDate toDate, PreviewRequest.Employee e) {
        String written = required("employee.taxCode", e.taxCode());
        TaxCode code;
        try {
            code = TaxCode.parse(written);
        } catch (IllegalArgumentException unknown) {
            throw BusinessRuleViolation.invalid("employee.taxCode", unknown.getMessage());
        }
        String category = required("employee.niCategory", e.niCategory()).strip().toUpperCase(Locale.ROOT);
        Money payToDate = fields.money("toDate.gross", toDate.gross(), "0");
        return new UnitedKingdomEmployee(code, category, Boolean.TRUE.equals(e.director()), payToDate,
                fields.money("toDate.tax", toDate.tax(), "0"),
                toDate.niablePay() == null ? payToDate : fields.money("toDate.niablePay", toDate.niablePay()),
                fields.money("toDate.employeeNi", toDate.employeeNi(), "0"), fields.money("toDate.employerNi", toDate.employerNi(), "0"));
    }

    private static IndianEmployee india(PreviewFields fields, PreviewRequest.ToDate toDate, PreviewRequest.Employee e) {
        return new IndianEmployee(fields.optionalMoney("employee.annualGross", e.annualGross()),
                fields.money("toDate.gross", toDate.gross(), "0"),
                fields.eitherOf("employee.tdsToDate", e.tdsToDate(), "toDate.tax", toDate.tax()),
                fields.optionalMoney("employee.epfWages", e.epfWages()), Boolean.TRUE.equals(e.epfOnActualWages()),
                !Boolean.FALSE.equals(e.epsMember()), !Boolean.FALSE.equals(e.resident()));
    }

    private static PhilippineEmployee philippines(PreviewFields fields, PayPeriod period, Money gross, PreviewRequest.ToDate toDate,
                                                  PreviewRequest.Employee e) {
        Money basic = fields.optionalMoney("employee.basicMonthly", e.basicMonthly());
        if (basic == null) {
            basic = switch (period.frequency()) {
                case MONTHLY -> gross;
                case SEMIMONTHLY -> gross.times(2);
                default -> throw BusinessRuleViolation.invalid("employee.basicMonthly",
                        "employee.basicMonthly is required for " + period.frequency() + " pay");
            };
        }
        return new PhilippineEmployee(basic, fields.optionalMoney("employee.sssCompensation", e.sssCompensation()),
                fields.optionalMoney("employee.pagIbigCompensation", e.pagIbigCompensation()),
                Boolean.TRUE.equals(e.minimumWageEarner()), fields.money("employee.nonTaxable", e.nonTaxable(), "0"),
                e.contributionShare() == null ? null
                        : choice("employee.contributionShare", e.contributionShare(), ContributionShare.class),
                fields.money("employee.benefits", e.benefits(), "0"), fields.money("employee.benefitsToDate", e.benefitsToDate(), "0"),
                Boolean.TRUE.equals(e.yearEnd()) ? new YearEnd(fields.money("employee.taxableToDate",
                        required("employee.taxableToDate", e.taxableToDate())), fields.money("toDate.tax", toDate.tax(), "0")) : null);
    }

    /** A field of another country's employee is a mistake worth naming, not something to ignore. */
    private static void refuseOtherCountries(Country country, PreviewRequest.ToDate toDate, PreviewRequest.Employee e) {
        String name = country.name();
        if (country != Country.US) {
            for (var field : new Object[][]{{"filingStatus", e.filingStatus()}, {"step2", e.step2()}, {"step3", e.step3()},
                    {"step4a", e.step4a()}, {"step4b", e.step4b()}, {"step4c", e.step4c()}, {"ytdWages", e.ytdWages()}}) {
                notApplicable("employee." + field[0], field[1], name);
            }
        }
        if (country != Country.GB) {
            for (var field : new Object[][]{{"employee.taxCode", e.taxCode()}, {"employee.niCategory", e.niCategory()},
                    {"employee.director", e.director()}, {"toDate.niablePay", toDate.niablePay()},
                    {"toDate.employeeNi", toDate.employeeNi()}, {"toDate.employerNi", toDate.employerNi()}}) {
                notApplicable((String) field[0], field[1], name);
            }
        }
        if (country != Country.IN) {
            for (var field : new Object[][]{{"annualGross", e.annualGross()}, {"tdsToDate", e.tdsToDate()}, {"epfWages", e.epfWages()},
                    {"epfOnActualWages", e.epfOnActualWages()}, {"epsMember", e.epsMember()}, {"resident", e.resident()}}) {
                notApplicable("employee." + field[0], field[1], name);
            }
        }
        if (country != Country.PH) {
            for (var field : new Object[][]{{"basicMonthly", e.basicMonthly()}, {"sssCompensation", e.sssCompensation()},
                    {"pagIbigCompensation", e.pagIbigCompensation()}, {"minimumWageEarner", e.minimumWageEarner()},
                    {"nonTaxable", e.nonTaxable()}, {"contributionShare", e.contributionShare()}, {"benefits", e.benefits()},
                    {"benefitsToDate", e.benefitsToDate()}, {"yearEnd", e.yearEnd()}, {"taxableToDate", e.taxableToDate()}}) {
                notApplicable("employee." + field[0], field[1], name);
            }
        }
    }
}
