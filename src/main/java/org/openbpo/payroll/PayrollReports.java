package org.openbpo.payroll;

import org.openbpo.payroll.document.PayslipDocument;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.persistence.ReportRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.awt.Color;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Payslip PDFs, the period register of a run and the tax liability report per jurisdiction. */
@Service
public class PayrollReports {

    /** Brand colours a client's documents take until clients can set their own: chosen by the client's code. */
    private static final Color[] BRANDS = {new Color(0x1F4E79), new Color(0x2E7D32), new Color(0x6A1B9A), new Color(0xB23C17),
            new Color(0x00695C), new Color(0x37474F)};

    /** Who is owed each line and when, as the reference describes it. */
    private static final Map<String, String[]> AUTHORITIES = Map.ofEntries(
            Map.entry("FIT", new String[]{"IRS (EFTPS)", "Deposit monthly or semi-weekly by the deposit schedule; report on Form 941"}),
            Map.entry("SS", new String[]{"IRS (EFTPS)", "With federal income tax; Form 941 line 5a"}),
            Map.entry("SS_ER", new String[]{"IRS (EFTPS)", "With federal income tax; Form 941 line 5a"}),
            Map.entry("MEDICARE", new String[]{"IRS (EFTPS)", "With federal income tax; Form 941 line 5c"}),
            Map.entry("MEDICARE_ER", new String[]{"IRS (EFTPS)", "With federal income tax; Form 941 line 5c"}),
            Map.entry("ADDL_MEDICARE", new String[]{"IRS (EFTPS)", "With federal income tax; Form 941 line 5d"}),
            Map.entry("FUTA", new String[]{"IRS (EFTPS)", "Quarterly once over $500, by the last day of the month after the quarter; Form 940"}),
            Map.entry("PAYE", new String[]{"HMRC", "By the 22nd after the end of the tax month (19th by cheque); FPS on or before payday"}),
            Map.entry("NI_EE", new String[]{"HMRC", "With PAYE, by the 22nd after the end of the tax month"}),
            Map.entry("NI_ER", new String[]{"HMRC", "With PAYE, by the 22nd after the end of the tax month"}),
            Map.entry("TDS", new String[]{"Income Tax Department (challan 281)", "By the 7th of the next month (30 April for March)"}),
            Map.entry("EPF_EE", new String[]{"EPFO (ECR)", "By the 15th of the next month"}),
            Map.entry("EPF_ER", new String[]{"EPFO (ECR)", "By the 15th of the next month"}),
            Map.entry("EPS_ER", new String[]{"EPFO (ECR)", "By the 15th of the next month"}),
            Map.entry("EDLI_ER", new String[]{"EPFO (ECR)", "By the 15th of the next month"}),
            Map.entry("WTAX", new String[]{"BIR (Form 1601-C)", "By the 10th of the next month (15th for eFPS filers, by group)"}),
            Map.entry("SSS_EE", new String[]{"SSS", "By the last day of the month after the applicable month"}),
            Map.entry("SSS_ER", new String[]{"SSS", "By the last day of the month after the applicable month"}),
            Map.entry("SSS_EC", new String[]{"SSS", "By the last day of the month after the applicable month"}),
            Map.entry("PHILHEALTH_EE", new String[]{"PhilHealth", "By the schedule of the employer's PEN"}),
            Map.entry("PHILHEALTH_ER", new String[]{"PhilHealth", "By the schedule of the employer's PEN"}),
            Map.entry("PAGIBIG_EE", new String[]{"Pag-IBIG Fund", "By the schedule of the employer's number"}),
            Map.entry("PAGIBIG_ER", new String[]{"Pag-IBIG Fund", "By the schedule of the employer's number"}));

    private final PayRuns runs;
    private final ReportRows rows;
    private final Clients clients;
    private final EmploymentAllowanceClaims claims;
    private final PayrollCalculator calculator;
    private final PayGroups groups;

    PayrollReports(PayRuns runs, ReportRows rows, Clients clients, EmploymentAllowanceClaims claims, PayrollCalculator calculator,
                   PayGroups groups) {
        this.calculator = calculator;
        this.groups = groups;
        this.runs = runs;
        this.rows = rows;
        this.clients = clients;
        this.claims = claims;
    }

    /** The employee's payslip as a PDF; a run not yet finalised gives a draft, marked so. */
    @Transactional(readOnly = true)
    public byte[] payslipPdf(UUID clientId, long runId, UUID employeeId) {
        Client client = clients.get(clientId);
        PayRun run = runs.get(clientId, runId);
        Payslip payslip = runs.payslip(clientId, runId, employeeId);
        List<PayslipDocument.Row> earnings = new ArrayList<>();
        List<PayslipDocument.Row> deductions = new ArrayList<>();
        List<PayslipDocument.Row> employer = new ArrayList<>();
        for (Payslip.Line line : payslip.lines()) {
            PayslipDocument.Row row = new PayslipDocument.Row(line.code(), line.rule(), line.amount());
            switch (line.section()) {
                case "EARNING" -> earnings.add(row);
                case "EMPLOYER" -> employer.add(row);
                default -> deductions.add(row);
            }
        }
        Map<String, String> toDate = new LinkedHashMap<>();
        if (run.locked()) {
            Map<String, Object> figures = runs.toDate(clientId, employeeId, run.taxYear());
            toDate.put("gross", String.valueOf(figures.get("gross")));
            toDate.put("tax", String.valueOf(figures.get("tax")));
            toDate.put("contributions", String.valueOf(figures.get("employee_contributions")));
            toDate.put("net", String.valueOf(figures.get("net")));
        }
        return PayslipDocument.render(new PayslipDocument.Contents(client.name(), client.legalEntity(),
                BRANDS[Math.floorMod(client.code().hashCode(), BRANDS.length)], payslip.employeeName(), payslip.employeeNumber(),
                payslip.number(), run.payGroup(), run.periodStart().toString(), run.periodEnd().toString(), run.payDate().toString(),
                run.taxYear(), run.period(), run.currency(), earnings, deductions, employer, payslip.gross(), payslip.net(), toDate,
                !run.locked(), org.openbpo.payroll.document.PayslipLabels.of(rows.language(clientId, employeeId))));
    }

    @Transactional(readOnly = true)
    public void register(UUID clientId, long runId, Writer out) {
        runs.get(clientId, runId);
        rows.register(clientId, runId, out);
    }

    @Transactional(readOnly = true)
    public TaxLiabilities liabilities(UUID clientId, String countryCode, LocalDate from, LocalDate to) {
        clients.get(clientId);
        Country country;
        try {
            country = Country.valueOf(countryCode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("country", "'" + countryCode + "' is not one of US, GB, IN, PH");
        }
        if (to.isBefore(from)) {
            throw BusinessRuleViolation.invalid("to", "to is before from");
        }
        List<ReportRows.CodeTotal> totals = rows.totals(clientId, country.name(), from, to);
        List<TaxLiabilities.Liability> liabilities = new ArrayList<>();
        for (ReportRows.CodeTotal total : totals) {
            if (!total.section().equals("T") && !total.section().equals("R")) {
                continue;
            }
            String[] authority = AUTHORITIES.getOrDefault(total.code(), new String[]{"(not named)", "(not named)"});
            liabilities.add(new TaxLiabilities.Liability(total.code(), total.section().equals("T") ? "WITHHELD" : "EMPLOYER",
                    total.amount().toPlainString(), total.base().toPlainString(), authority[0], authority[1]));
        }
        if (country == Country.GB && claims.claims(clientId)) {
            BigDecimal claimed = claims.claimedBetween(clientId, from, to).amount().setScale(2, RoundingMode.UNNECESSARY);
            liabilities.add(new TaxLiabilities.Liability("EMPLOYMENT_ALLOWANCE", "EMPLOYER", claimed.negate().toPlainString(),
                    amount(totals, "NI_ER").toPlainString(), "HMRC", "Claimed on the EPS; taken off the employer NICs paid with PAYE"));
        }
        if (country == Country.IN) {
            liabilities.addAll(epfAdministration(clientId, from, to));
        }
        BigDecimal owed = liabilities.stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> pay = rows.pay(clientId, country.name(), from, to);
        TaxLiabilities.Form941 form = country == Country.US && isQuarter(from, to) ? form941(clientId, from, totals,
                (BigDecimal) pay.get("gross")) : null;
        return new TaxLiabilities(country.name(), from, to, country.currency().getCurrencyCode(),
                ((BigDecimal) pay.get("gross")).toPlainString(), ((BigDecimal) pay.get("net")).toPlainString(), liabilities, owed.toPlainString(), form);
    }

    /**
     * The employer's EPF administration charges, one line a month: the client is one establishment, charged on
     * the EPF wages of the IN runs paid in the month (within the dates).
     */
    private List<TaxLiabilities.Liability> epfAdministration(UUID clientId, LocalDate from, LocalDate to) {
        List<TaxLiabilities.Liability> lines = new ArrayList<>();
        for (ReportRows.MonthEpfWages month : rows.epfWagesByMonth(clientId, from, to)) {
            int year = month.month().getMonthValue() < 4 ? month.month().getYear() - 1 : month.month().getYear();
            var pack = (org.openbpo.payroll.domain.india.IndiaRulePack) calculator.packs().find(Country.IN,
                    year + "-" + String.format("%02d", (year + 1) % 100));
            var charge = pack.epfAdministration().charge(org.openbpo.shared.money.Money.of(month.wages(), Country.IN.currency()));
            lines.add(new TaxLiabilities.Liability("EPF_ADMIN", "EMPLOYER", charge.amount().toPlainString(),
                    month.wages().toPlainString(), "EPFO (ECR)", "For " + month.month().toString().substring(0, 7)
                    + ": administration charges (A/c 2), by the 15th of the next month"));
        }
        return lines;
    }

    /** The Employment Allowance of the tax year the client's today falls in; none for a client without a UK pay group. */
    @Transactional(readOnly = true)
    public java.util.Optional<EmploymentAllowanceYear> employmentAllowance(UUID clientId) {
        clients.get(clientId);
        if (groups.of(clientId).stream().noneMatch(group -> group.country() == Country.GB)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(claims.year(clientId, clients.today(clientId)));
    }

    private TaxLiabilities.Form941 form941(UUID clientId, LocalDate from, List<ReportRows.CodeTotal> totals, BigDecimal wages) {
        int quarter = (from.getMonthValue() - 1) / 3 + 1;
        long employees = rows.employeesPaidFor(clientId, "US", from.plusMonths(2).withDayOfMonth(12));
        BigDecimal fit = amount(totals, "FIT");
        BigDecimal ssWages = base(totals, "SS");
        BigDecimal medicareWages = base(totals, "MEDICARE");
        BigDecimal addlWages = base(totals, "ADDL_MEDICARE");
        BigDecimal ssTax = cents(ssWages.multiply(new BigDecimal("0.124")));
        BigDecimal medicareTax = cents(medicareWages.multiply(new BigDecimal("0.029")));
        BigDecimal addlTax = cents(addlWages.multiply(new BigDecimal("0.009")));
        BigDecimal line5e = ssTax.add(medicareTax).add(addlTax);
        BigDecimal line6 = fit.add(line5e);
        BigDecimal actual = amount(totals, "SS").add(amount(totals, "SS_ER")).add(amount(totals, "MEDICARE"))
                .add(amount(totals, "MEDICARE_ER")).add(amount(totals, "ADDL_MEDICARE"));
        BigDecimal line7 = actual.subtract(line5e);
        BigDecimal line10 = line6.add(line7);
        return new TaxLiabilities.Form941(quarter, from.getYear(), employees, wages.toPlainString(), fit.toPlainString(),
                ssWages.toPlainString(), ssTax.toPlainString(), medicareWages.toPlainString(), medicareTax.toPlainString(),
                addlWages.toPlainString(), addlTax.toPlainString(), line5e.toPlainString(), line6.toPlainString(),
                line7.toPlainString(), line10.toPlainString());
    }

    /** Form 941 lines 5a-5d are figured to the cent, half up. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(List<ReportRows.CodeTotal> totals, String code) {
        return totals.stream().filter(t -> t.code().equals(code) && !t.section().equals("E")).map(ReportRows.CodeTotal::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal base(List<ReportRows.CodeTotal> totals, String code) {
        return totals.stream().filter(t -> t.code().equals(code) && t.section().equals("T")).map(ReportRows.CodeTotal::base)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean isQuarter(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0 && to.equals(from.plusMonths(3).minusDays(1));
    }
}
