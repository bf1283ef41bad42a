package org.openbpo.payroll.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/payroll/preview}: one employee, one period. Amounts are decimal
 * strings in the country's currency (USD, GBP, INR, PHP) with at most two decimals.
 */
@Schema(description = "Calculate one employee's pay for one period, without saving anything.")
record PreviewRequest(
        @Schema(description = "US, GB, IN or PH", example = "GB", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String country,
        @Schema(description = "US and PH: the calendar year (2026); GB and IN: the tax or financial year (2025-26)",
                example = "2025-26", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String taxYear,
        @Schema(description = """
                US: WEEKLY, BIWEEKLY, SEMIMONTHLY, MONTHLY, DAILY. GB: WEEKLY, BIWEEKLY (fortnightly), FOUR_WEEKLY, MONTHLY.
                IN: MONTHLY. PH: DAILY, WEEKLY, SEMIMONTHLY, MONTHLY.""", example = "MONTHLY",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String frequency,
        @Schema(description = """
                The period's number in the tax year, from 1. GB: tax week or month (week 53, fortnight 27 and \
                four-week period 14 are the extra-week payments); IN: April is 1; US and PH: the pay's number in \
                the calendar year.""", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer period,
        @Schema(description = "Gross taxable pay of this period", example = "3000.00",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String gross,
        @Nullable ToDate toDate,
        @Nullable Employee employee) {

    @Schema(description = """
            Pay and tax to date in the tax year, before this period. All optional, default 0.
            US: gross = wages this employer paid in the calendar year (Social Security wage base, Additional Medicare, FUTA).
            GB: gross and tax = pay and tax to date including a P45's previous pay and tax (cumulative codes); \
            niablePay, employeeNi, employerNi = NIable pay and NICs to date, for directors.
            IN: gross = salary paid in the financial year; tax = TDS deducted (same as employee.tdsToDate).
            PH: tax = tax withheld earlier in the calendar year, for the year-end adjustment (employee.yearEnd).""")
    record ToDate(
            @Schema(example = "15000.00") @Nullable String gross,
            @Schema(example = "1951.60") @Nullable String tax,
            @Schema(description = "GB directors") @Nullable String niablePay,
            @Schema(description = "GB directors") @Nullable String employeeNi,
            @Schema(description = "GB directors") @Nullable String employerNi) {
    }

    @Schema(description = "The country's employee fields; fields of other countries are refused.")
    record Employee(
            @Schema(description = "US: Form W-4 Step 1(c): SINGLE (also married filing separately), MFJ, HOH", example = "SINGLE")
            @Nullable String filingStatus,
            @Schema(description = "US: Form W-4 Step 2 checkbox (multiple jobs)") @Nullable Boolean step2,
            @Schema(description = "US: Form W-4 Step 3 credits, annual", example = "4400.00") @Nullable String step3,
            @Schema(description = "US: Form W-4 Step 4(a) other income, annual") @Nullable String step4a,
            @Schema(description = "US: Form W-4 Step 4(b) deductions, annual") @Nullable String step4b,
            @Schema(description = "US: Form W-4 Step 4(c) extra withholding per period") @Nullable String step4c,
            @Schema(description = "US: wages this employer paid in the year before this period (same as toDate.gross)")
            @JsonAlias({"yearToDateWages", "wagesToDate", "ytdGross", "ytd"}) @Nullable String ytdWages,
            @Schema(description = "GB: tax code, e.g. 1257L, S1257L, C1257L, K475, BR, D0, SD2, NT, 0T, 1257L M1, 1257L W1",
                    example = "1257L") @Nullable String taxCode,
            @Schema(description = "GB: NI category letter: A B C D E F H I J K L M N S V X Z", example = "A") @Nullable String niCategory,
            @Schema(description = "GB: a company director (NICs on the annual earnings period)") @Nullable Boolean director,
            @Schema(description = "IN: the annual salary of the contract; the year is estimated as toDate.gross + this month's "
                    + "gross + a twelfth of it for each month after this one. Absent, the year is projected from toDate.gross "
                    + "and this month's gross", example = "1800000.00") @Nullable String annualGross,
            @Schema(description = "IN: TDS deducted in the financial year before this month") @Nullable String tdsToDate,
            @Schema(description = "IN: EPF wages this month (basic + DA + retaining allowance); default: gross") @Nullable String epfWages,
            @Schema(description = "IN: EPF on actual wages above the 15,000 ceiling; default false") @Nullable Boolean epfOnActualWages,
            @Schema(description = "IN: member of the pension scheme (EPS); default true") @Nullable Boolean epsMember,
            @Schema(description = "IN: resident (rebate u/s 87A); default true") @Nullable Boolean resident,
            @Schema(description = "PH: monthly basic salary (PhilHealth base; SSS and Pag-IBIG base unless given). "
                    + "Default: the gross for MONTHLY, twice the gross for SEMIMONTHLY; required otherwise",
                    example = "25000.00") @Nullable String basicMonthly,
            @Schema(description = "PH: monthly compensation for the SSS salary credit; default basicMonthly") @Nullable String sssCompensation,
            @Schema(description = "PH: monthly compensation for Pag-IBIG; default basicMonthly") @Nullable String pagIbigCompensation,
            @Schema(description = "PH: minimum wage earner, exempt from withholding tax; default false") @Nullable Boolean minimumWageEarner,
            @Schema(description = "PH: other non-taxable compensation in this pay (de minimis); 13th-month pay goes in benefits")
            @Nullable String nonTaxable,
            @Schema(description = """
                    PH: the share of the month's contributions this pay carries: FULL, FIRST_HALF, SECOND_HALF, NONE. \
                    Default: FULL monthly; semi-monthly by the pack's policy (halves); NONE weekly and daily.""")
            @Nullable String contributionShare,
            @Schema(description = "PH: 13th-month pay and other benefits in this pay (part of gross), exempt up to the year's "
                    + "ceiling (90,000), counting benefitsToDate", example = "25000.00") @Nullable String benefits,
            @Schema(description = "PH: 13th-month pay and other benefits paid earlier in the calendar year") @Nullable String benefitsToDate,
            @Schema(description = "PH: the year's last pay makes the year-end adjustment: the annual tax on taxableToDate plus "
                    + "this pay's taxable compensation, less toDate.tax withheld; default false") @Nullable Boolean yearEnd,
            @Schema(description = "PH, with yearEnd: taxable compensation paid earlier in the calendar year") @Nullable String taxableToDate) {
    }
}
