package org.openbpo.demo;

import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.PricePlans;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.payroll.AddPayItem;
import org.openbpo.payroll.DefinePayGroup;
import org.openbpo.payroll.EmployeeForm;
import org.openbpo.payroll.PayrollQuestionWorkType;
import org.openbpo.payroll.PayrollQuestions;
import org.openbpo.payroll.RaisePayrollQuestion;
import org.openbpo.payroll.Employees;
import org.openbpo.payroll.PayGroups;
import org.openbpo.payroll.PayItems;
import org.openbpo.payroll.PayRun;
import org.openbpo.payroll.PayRunDecision;
import org.openbpo.payroll.PayRunWorkType;
import org.openbpo.payroll.PayRuns;
import org.openbpo.payroll.PreparePayRun;
import org.openbpo.payroll.SetFundingAccount;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payroll for the three demo clients, each under its own payroll contract: Lakeshore's Chicago store staff
 * paid biweekly (US), Albion's Bristol office monthly (UK), Kaveri's Bengaluru engineers monthly (India).
 * Each has a funding account, realistic employees, one run finalised and paid (payslips, register and bank
 * file to look at) and the next run checked and waiting for the client's approval in its portal.
 */
@Component
class DemoPayroll {

    private final Contracts contracts;
    private final PayrollQuestions questions;
    private final WorkTypes workTypes;
    private final Queues queues;
    private final PayGroups groups;
    private final Employees employees;
    private final PayItems items;
    private final PayRuns runs;
    private final Users users;
    private final PricePlans plans;

    DemoPayroll(Contracts contracts, WorkTypes workTypes, Queues queues, PayGroups groups, Employees employees, PayItems items,
                PayRuns runs, Users users, PricePlans plans, PayrollQuestions questions) {
        this.plans = plans;
        this.questions = questions;
        this.contracts = contracts;
        this.workTypes = workTypes;
        this.queues = queues;
        this.groups = groups;
        this.employees = employees;
        this.items = items;
        this.runs = runs;
        this.users = users;
    }

    void load(DemoData.DemoClients demo, CurrentUser admin) {
        CurrentUser ops = user(null, "ops@openbpo.example", admin);
        CurrentUser maria = user(null, "agent.maria@openbpo.example", admin);
        CurrentUser diego = user(null, "agent.diego@openbpo.example", admin);
        CurrentUser jose = user(null, "lead.manila@openbpo.example", admin);
        lakeshore(demo.lakeshore().id(), ops, maria, jose, user(demo.lakeshore().id(), "it.admin@lakeshore.example", admin));
        albion(demo.albion().id(), ops, maria, jose, user(demo.albion().id(), "approver@albion.example", admin));
        kaveri(demo.kaveri().id(), ops, diego, ops, user(demo.kaveri().id(), "admin@kaveri.example", admin));
    }

    private void lakeshore(UUID client, CurrentUser ops, CurrentUser preparer, CurrentUser checker, CurrentUser approver) {
        contract(client, "LR-PAY-2025", "USD", CalendarSpec.mondayToFriday("America/Chicago", "08:00-17:00",
                List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 3))),
                "900.00", "250.00", "No sales tax", "0");
        groups.define(client, new DefinePayGroup("US-BW", "Store staff, biweekly", "US", "BIWEEKLY", "payroll",
                LocalDate.of(2026, 1, 2), 5, 2), ops);
        groups.setFundingAccount(client, "US-BW", new SetFundingAccount("Lakeshore Retail Inc.", "1364812290", "First Midwest Bank",
                "US_ABA", "071000013", "4481907733"), ops);
        String[][] staff = {
                {"LR-1001", "Marcus", "Johnson", "SALARY", "68500", "MFJ", "4400"},
                {"LR-1002", "Emily", "Nguyen", "SALARY", "54200", "SINGLE", "0"},
                {"LR-1003", "Carlos", "Ramirez", "HOURLY", "19.75", "HOH", "2200"},
                {"LR-1004", "Aisha", "Patel", "HOURLY", "17.50", "SINGLE", "0"},
                {"LR-1005", "Robert", "O'Brien", "SALARY", "112000", "MFJ", "0"},
                {"LR-1006", "Grace", "Kim", "HOURLY", "22.40", "SINGLE", "0"}};
        Map<String, UUID> hired = new HashMap<>();
        int n = 0;
        for (String[] e : staff) {
            Map<String, String> form = base(e, "US", "IL", "US-BW", "2024-03-0" + (1 + n % 8));
            form.put("filingStatus", e[5]);
            form.put("w4Step3", e[6]);
            form.put("bankScheme", "US_ABA");
            form.put("bankRouting", n % 2 == 0 ? "071000013" : "021000021");
            form.put("bankAccount", "7300" + (418822 + n * 7919));
            if (e[3].equals("HOURLY")) {
                form.put("standardHours", "80");
            }
            if (e[0].equals("LR-1003")) {
                form.put("language", "es");
            }
            hired.put(e[0], employees.hire(client, EmployeeForm.of(form), preparer).id());
            n++;
        }
        items.add(client, hired.get("LR-1001"), AddPayItem.recurringDeduction("RETIREMENT_401K", "401(k) after-tax contribution",
                new BigDecimal("150.00"), LocalDate.of(2026, 1, 1)), preparer);
        items.add(client, hired.get("LR-1003"), AddPayItem.oneOffEarning("SHIFT", "Weekend shift premium",
                new BigDecimal("120.00"), LocalDate.of(2026, 2, 10)), preparer);
        payAndPrepareNext(client, "US-BW", LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 27), ops, preparer, checker, approver);
        questions.raise(client, new RaisePayrollQuestion("LR-1003", "PAY_AMOUNT", null,
                "Carlos Ramirez asks why his weekend shift premium of 10 February shows on the payslip of 13 February "
                        + "at 120.00 when he worked two weekend shifts."), approver);
    }

    private void albion(UUID client, CurrentUser ops, CurrentUser preparer, CurrentUser checker, CurrentUser approver) {
        contract(client, "AM-PAY-2025", "GBP", CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30",
                List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6))), "650.00", "180.00", "VAT", "20");
        groups.define(client, new DefinePayGroup("UK-M", "Bristol office, monthly", "GB", "MONTHLY", "payroll",
                LocalDate.of(2026, 1, 31), 0, 3), ops);
        groups.setFundingAccount(client, "UK-M", new SetFundingAccount("Albion Mutual Insurance plc", "274118", "Lloyds Bank",
                "GB_SORT_CODE", "30-96-26", "17443268"), ops);
        String[][] staff = {
                {"AM-201", "Oliver", "Hughes", "SALARY", "38500", "ENG", "1257L", "A"},
                {"AM-202", "Sophie", "Evans", "SALARY", "46200", "WLS", "C1257L", "A"},
                {"AM-203", "Callum", "MacLeod", "SALARY", "52000", "SCT", "S1257L", "A"},
                {"AM-204", "Amelia", "Clarke", "SALARY", "29750", "ENG", "1257L", "A"},
                {"AM-205", "Harry", "Whitmore", "SALARY", "84000", "ENG", "1257L", "A"},
                {"AM-206", "Margaret", "Doyle", "SALARY", "24000", "ENG", "BR", "C"}};
        int n = 0;
        for (String[] e : staff) {
            Map<String, String> form = base(e, "GB", e[5], "UK-M", "2023-0" + (4 + n % 5) + "-01");
            form.put("taxCode", e[6]);
            form.put("niCategory", e[7]);
            form.put("bankScheme", "GB_SORT_CODE");
            form.put("bankRouting", n % 2 == 0 ? "40-47-84" : "20-00-00");
            form.put("bankAccount", Integer.toString(61523487 + n * 104729));
            employees.hire(client, EmployeeForm.of(form), preparer);
            n++;
        }
        payAndPrepareNext(client, "UK-M", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), ops, preparer, checker, approver);
    }

    private void kaveri(UUID client, CurrentUser ops, CurrentUser preparer, CurrentUser checker, CurrentUser approver) {
        contract(client, "KS-PAY-2025", "INR", CalendarSpec.mondayToFriday("Asia/Kolkata", "09:30-18:30",
                List.of(LocalDate.of(2026, 1, 26), LocalDate.of(2026, 3, 4))), "35000", "9000", "GST", "18");
        groups.define(client, new DefinePayGroup("IN-M", "Bengaluru engineers, monthly", "IN", "MONTHLY", "payroll",
                LocalDate.of(2026, 1, 31), 0, 3), ops);
        groups.setFundingAccount(client, "IN-M", new SetFundingAccount("Kaveri Software Private Limited", "KAVERI-SAL",
                "HDFC Bank", "IN_IFSC", "HDFC0000523", "50200031847721"), ops);
        String[][] staff = {
                {"KS-0101", "Ananya", "Krishnan", "SALARY", "1850000"},
                {"KS-0102", "Rohan", "Desai", "SALARY", "1240000"},
                {"KS-0103", "Meera", "Subramanian", "SALARY", "2650000"},
                {"KS-0104", "Vikram", "Rao", "SALARY", "780000"},
                {"KS-0105", "Sneha", "Kulkarni", "SALARY", "960000"},
                {"KS-0106", "Arvind", "Menon", "SALARY", "4200000"}};
        int n = 0;
        for (String[] e : staff) {
            Map<String, String> form = base(e, "IN", "Karnataka", "IN-M", "2024-0" + (4 + n % 5) + "-15");
            form.put("taxRegime", "NEW");
            form.put("epsMember", "false"); // joined after September 2014 on more than 15,000 a month
            form.put("bankScheme", "IN_IFSC");
            form.put("bankRouting", n % 2 == 0 ? "ICIC0000104" : "SBIN0040277");
            form.put("bankAccount", Long.toString(30418827461L + n * 7_654_321L));
            employees.hire(client, EmployeeForm.of(form), preparer);
            n++;
        }
        payAndPrepareNext(client, "IN-M", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), ops, preparer, checker, approver);
    }

    /** The first period prepared, checked, approved, finalised and paid; the next one checked and waiting for the client. */
    private void payAndPrepareNext(UUID client, String group, LocalDate paid, LocalDate next, CurrentUser ops, CurrentUser preparer,
                                   CurrentUser checker, CurrentUser approver) {
        PayRun first = throughCheck(client, group, paid, preparer, checker);
        runs.clientDecision(client, first.id(), new PayRunDecision(PayRunDecision.Decision.APPROVE, "Agreed with the HR headcount report"),
                approver);
        runs.finalise(client, first.id(), ops);
        runs.pay(client, first.id(), ops);
        throughCheck(client, group, next, preparer, checker);
    }

    private PayRun throughCheck(UUID client, String group, LocalDate periodEnd, CurrentUser preparer, CurrentUser checker) {
        PayRun run = runs.prepare(client, new PreparePayRun(group, periodEnd, PayRun.Kind.REGULAR), preparer);
        runs.sendForCheck(client, run.id(), preparer);
        return runs.check(client, run.id(), new PayRunDecision(PayRunDecision.Decision.APPROVE, "Variances explained"), checker);
    }

    /** The payroll contract, its work type and queue, and its price: a monthly fee plus a price per pay run. */
    private void contract(UUID client, String reference, String currency, CalendarSpec calendar, String monthlyFee, String perRun,
                          String taxName, String taxPercent) {
        workTypes.define(client, PayRunWorkType.definition());
        workTypes.define(client, PayrollQuestionWorkType.definition());
        Contract contract = contracts.draft(client, new DraftContract(reference, "Payroll services", currency, LocalDate.of(2025, 1, 1),
                null, calendar, List.of(new ServiceLine("payroll", "Payroll", ServiceLineKind.PAYROLL, PayRunWorkType.CODE),
                new ServiceLine("payroll-questions", "Employees' payroll questions", ServiceLineKind.PAYROLL,
                        PayrollQuestionWorkType.CODE)), List.of(), null));
        queues.open(client, new OpenQueue("payroll", "Payroll", "payroll", null, null, null));
        queues.open(client, new OpenQueue("payroll-questions", "Payroll questions", "payroll-questions", null, null, null));
        plans.define(client, new DefinePricePlan(contract.id(), "payroll", contract.startsOn(), null, "pay run", Pricing.GRADUATED,
                List.of(new Tier(null, new BigDecimal(perRun))), new BigDecimal(monthlyFee), null, null, null, null, null, null, false,
                taxName, new BigDecimal(taxPercent), null));
    }

    private static Map<String, String> base(String[] e, String country, String residence, String group, String start) {
        Map<String, String> form = new HashMap<>();
        form.put("employeeNumber", e[0]);
        form.put("givenName", e[1]);
        form.put("familyName", e[2]);
        form.put("email", (e[1] + "." + e[2]).toLowerCase(java.util.Locale.ROOT).replace("'", "") + "@staff.example");
        form.put("country", country);
        form.put("taxResidence", residence);
        form.put("payGroup", group);
        form.put("startDate", start);
        form.put("payBasis", e[3]);
        form.put(e[3].equals("SALARY") ? "annualSalary" : "hourlyRate", e[4]);
        return form;
    }

    private CurrentUser user(UUID client, String email, CurrentUser admin) {
        return DemoUsers.find(users, client, email, admin);
    }
}
