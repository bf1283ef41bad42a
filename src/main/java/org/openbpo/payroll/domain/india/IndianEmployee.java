package org.openbpo.payroll.domain.india;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeDetails;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;

/**
 * An Indian employee under the new regime: the annual salary of the contract, whose twelfth is the
 * regular salary of each month still to come (or none, to project the year from the salary to date
 * and this month's), salary and TDS to date before this month,
 * EPF wages (basic + DA; none means this month's gross), whether EPF is paid on actual wages above the
 * ceiling, whether a member of the pension scheme (EPS), and residence (the 87A rebate is for residents).
 */
public record IndianEmployee(@Nullable Money annualSalary, Money salaryToDate, Money tdsToDate, @Nullable Money epfWages,
                             boolean epfOnActualWages, boolean pensionMember, boolean resident) implements EmployeeDetails {

    public IndianEmployee {
        if (annualSalary != null && annualSalary.isNegative()) {
            throw BusinessRuleViolation.invalid("employee.annualGross", "The estimated annual salary cannot be negative");
        }
        if (salaryToDate.isNegative()) {
            throw BusinessRuleViolation.invalid("toDate.gross", "Salary to date cannot be negative");
        }
        if (tdsToDate.isNegative()) {
            throw BusinessRuleViolation.invalid("employee.tdsToDate", "TDS to date cannot be negative");
        }
        if (epfWages != null && epfWages.isNegative()) {
            throw BusinessRuleViolation.invalid("employee.epfWages", "EPF wages cannot be negative");
        }
    }

    @Override
    public Country country() {
        return Country.IN;
    }
}
