package org.openbpo.payroll;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An employee as a client's HR team writes one down: every field as text, the same in the API's JSON,
 * a CSV column and an XLSX column, so one set of rules checks them all and names the field at fault.
 * Only the employee's country's tax fields may be filled in.
 */
@Schema(description = "An employee: identity, pay, bank account and the country's tax fields. Amounts are decimal strings.")
public record EmployeeForm(
        @Schema(example = "E1001") @Nullable String employeeNumber,
        @Schema(example = "Ada") @Nullable String givenName,
        @Schema(example = "Lovelace") @Nullable String familyName,
        @Nullable String email,
        @Schema(description = "US, GB, IN or PH", example = "GB") @Nullable String country,
        @Schema(description = "US: state (NY); GB: ENG, WLS, SCT or NIR; IN: state; PH: province", example = "ENG")
        @Nullable String taxResidence,
        @Schema(description = "Code of a pay group of the same country", example = "UK-MONTHLY") @Nullable String payGroup,
        @Schema(example = "2025-04-06") @Nullable String startDate,
        @Nullable String leaveDate,
        @Schema(description = "SALARY or HOURLY") @Nullable String payBasis,
        @Schema(description = "SALARY: annual salary", example = "42000.00") @Nullable String annualSalary,
        @Schema(description = "HOURLY: rate per hour") @Nullable String hourlyRate,
        @Schema(description = "HOURLY: hours per period when no timesheet gives them") @Nullable String standardHours,
        @Schema(description = "IBAN, GB_SORT_CODE, US_ABA, IN_IFSC or PH_BANK") @Nullable String bankScheme,
        @Schema(description = "Sort code, ABA routing number, IFSC or the Philippine bank's code; not used for IBAN")
        @Nullable String bankRouting,
        @Schema(description = "Account number, or the IBAN") @Nullable String bankAccount,
        @Schema(description = "US W-4 Step 1(c): SINGLE, MFJ or HOH") @Nullable String filingStatus,
        @Schema(description = "US W-4 Step 2 checkbox: true or false") @Nullable String w4Step2,
        @Schema(description = "US W-4 Step 3 credits, annual") @Nullable String w4Step3,
        @Schema(description = "US W-4 Step 4(a) other income, annual") @Nullable String w4Step4a,
        @Schema(description = "US W-4 Step 4(b) deductions, annual") @Nullable String w4Step4b,
        @Schema(description = "US W-4 Step 4(c) extra withholding per period") @Nullable String w4Step4c,
        @Schema(description = "US W-4: 'Exempt' written below Step 4(c): true or false") @Nullable String w4Exempt,
        @Schema(description = "US: the W-4's year (2020 or later)") @Nullable String w4Year,
        @Schema(description = "US: allowances, which only forms of 2019 and earlier have") @Nullable String w4Allowances,
        @Schema(description = "GB tax code: 1257L, S1257L, C1257L, K475, BR, D0, D1, NT, 0T, with W1 or M1") @Nullable String taxCode,
        @Schema(description = "GB NI category letter") @Nullable String niCategory,
        @Schema(description = "GB: company director: true or false") @Nullable String director,
        @Schema(description = "GB starter: the P45's total pay to date in its tax year (with p45Tax and p45TaxYear)")
        @Nullable String p45Pay,
        @Schema(description = "GB starter: the P45's total tax to date") @Nullable String p45Tax,
        @Schema(description = "GB starter: the tax year of the P45's figures; they count only in pay runs of that year",
                example = "2026-27") @Nullable String p45TaxYear,
        @Schema(description = "IN: NEW (the only regime the rule packs calculate)") @Nullable String taxRegime,
        @Schema(description = "IN: EPF wages per month (basic + DA); default the gross") @Nullable String epfWages,
        @Schema(description = "IN: EPF on actual wages above the ceiling: true or false") @Nullable String epfOnActualWages,
        @Schema(description = "IN: member of the pension scheme (EPS): true or false; default true. Refused (422) as true "
                + "for an employee who joined after 1 September 2014 with EPF wages above 15,000 a month, unless the record already said member") @Nullable String epsMember,
        @Schema(description = "IN: resident: true or false; default true") @Nullable String resident,
        @Schema(description = "PH: monthly basic salary; default the annual salary / 12") @Nullable String basicMonthly,
        @Schema(description = "PH: monthly compensation for SSS; default basicMonthly") @Nullable String sssCompensation,
        @Schema(description = "PH: monthly compensation for Pag-IBIG; default basicMonthly") @Nullable String pagIbigCompensation,
        @Schema(description = "PH: minimum wage earner (exempt from withholding): true or false") @Nullable String minimumWageEarner,
        @Schema(description = "The payslip's language: en, es or fil print in it; any other tag prints in English", example = "fil")
        @Nullable String language) {

    /** The column names of an import file, in the order of the record. */
    public static final List<String> COLUMNS = java.util.Arrays.stream(EmployeeForm.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    /** Builds a form from named values (a CSV or XLSX row); unknown names are the caller's to refuse. */
    public static EmployeeForm of(Map<String, String> values) {
        Object[] args = COLUMNS.stream().map(name -> {
            String value = values.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }).toArray();
        try {
            return (EmployeeForm) EmployeeForm.class.getDeclaredConstructors()[0].newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The filled-in fields by name, in column order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (var component : EmployeeForm.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(this);
                if (value != null) {
                    values.put(component.getName(), (String) value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
