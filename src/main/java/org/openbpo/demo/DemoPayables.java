package org.openbpo.demo;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.payables.BankDetails;
import org.openbpo.payables.CaptureCreditNote;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.CreditNotes;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.Invoices;
import org.openbpo.payables.PayablesSetup;
import org.openbpo.payables.PayablesWorkType;
import org.openbpo.payables.PaymentProposals;
import org.openbpo.payables.Proposal;
import org.openbpo.payables.ProposePayments;
import org.openbpo.payables.PurchaseOrder;
import org.openbpo.payables.PurchaseOrders;
import org.openbpo.payables.RaisePurchaseOrder;
import org.openbpo.payables.ReceiveGoods;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.UpdateSettings;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Lakeshore Retail's accounts payable as the provider runs it: four vendors (one still waiting
 * for a second person to approve its bank details), orders with a goods receipt, and invoices in
 * every state — matched to an order, an exception for an agent (price over tolerance), waiting
 * for the client's approver, approved, rejected, paid, one paid in part — a vendor's credit note,
 * one payment run made, and a proposal waiting for the client's approval.
 */
@Component
class DemoPayables {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Queues queues;
    private final Users users;
    private final Vendors vendors;
    private final PayablesSetup setup;
    private final PurchaseOrders orders;
    private final Invoices invoices;
    private final CreditNotes creditNotes;
    private final PaymentProposals proposals;
    private final Clock clock;

    DemoPayables(WorkTypes workTypes, Contracts contracts, Queues queues, Users users, Vendors vendors, PayablesSetup setup,
                 PurchaseOrders orders, Invoices invoices, CreditNotes creditNotes, PaymentProposals proposals, Clock clock) {
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.queues = queues;
        this.users = users;
        this.vendors = vendors;
        this.setup = setup;
        this.orders = orders;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.proposals = proposals;
        this.clock = clock;
    }

    void load(DemoData.DemoClients demo, CurrentUser admin) {
        UUID client = demo.lakeshore().id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHICAGO);
        CurrentUser manager = user(null, "ops@openbpo.example", admin);
        CurrentUser karen = user(client, "it.admin@lakeshore.example", admin);

        workTypes.define(client, PayablesWorkType.definition());
        contracts.draft(client, new DraftContract("LR-AP-" + today.getYear(), "Accounts payable", "USD",
                today.withDayOfYear(1), null, CalendarSpec.mondayToFriday("America/Chicago", "08:00-17:00", List.of()),
                List.of(new ServiceLine("accounts-payable", "Accounts payable", ServiceLineKind.ACCOUNTS_PAYABLE, PayablesWorkType.CODE)),
                List.of(new SlaTarget("accounts-payable", Priority.NORMAL, null, 960, null, null, null)), List.of()));
        queues.open(client, new OpenQueue("ap-invoices", "Accounts payable", "accounts-payable", null, null, null));
        setup.update(client, new UpdateSettings(new BigDecimal("2"), BigDecimal.ZERO, 7, "Lakeshore Retail Inc.", "1362817446",
                usBank("071000013", "4455667788"), "JPMORGAN CHASE"), karen);
        setup.setLimit(client, karen.id(), "USD", new BigDecimal("50000"), karen);

        vendor(client, "OFFICEPRO", "Office Pro Supplies", "36-4418822", 30, "2", 10, usBank("021000021", "889012345"), admin, manager);
        vendor(client, "FRESHFARM", "Fresh Farm Produce Co.", "37-1029384", 15, null, null, usBank("026009593", "1200456789"), admin, manager);
        vendor(client, "CITYPOWER", "City Power & Light", "36-0000412", 20, null, null, usBank("011000015", "500300100"), admin, manager);
        // Its bank details wait for a second person: its invoices are held back from proposals.
        vendors.register(client, new RegisterVendor("SWIFTLOG", "Swift Logistics LLC", "38-5566778", List.of("USD"), 45, null, null,
                "billing@swiftlog.example", usBank("121000248", "7788990011")), admin);

        PurchaseOrder produce = orders.raise(client, new RaisePurchaseOrder("PO-4100", "FRESHFARM", "USD", true,
                List.of(new RaisePurchaseOrder.Line("Seasonal produce, cases", new BigDecimal("200"), new BigDecimal("18.50")))), admin);
        orders.receive(client, produce.id(), new ReceiveGoods(1, new BigDecimal("200"), today.minusDays(36)), admin);
        orders.raise(client, new RaisePurchaseOrder("PO-4101", "OFFICEPRO", "USD", false,
                List.of(new RaisePurchaseOrder.Line("Toner cartridges", new BigDecimal("40"), new BigDecimal("62.00")))), admin);

        // Matched to its order and receipt: approved by the order.
        invoice(client, "FRESHFARM", "FF-88213", today.minusDays(35), today.plusDays(10), "3700.00", "PO-4100",
                List.of(new CaptureInvoice.Line("Seasonal produce, cases", new BigDecimal("200"), new BigDecimal("18.50"), 1)), admin);
        // Billed above the order's price beyond the 2% tolerance: an exception for an agent.
        invoice(client, "OFFICEPRO", "OP-5521", today.minusDays(12), null, "2596.00", "PO-4101",
                List.of(new CaptureInvoice.Line("Toner cartridges", new BigDecimal("40"), new BigDecimal("64.90"), 1)), admin);
        // Without orders: each waits for Karen, who approves, rejects or has not decided yet.
        Invoice power = invoice(client, "CITYPOWER", "CP-" + today.minusMonths(1).getMonthValue() + "-EL", today.minusDays(40),
                today.plusDays(5), "8412.37", null, List.of(), admin);
        invoices.approve(client, power.id(), karen);
        invoice(client, "CITYPOWER", "CP-" + today.getMonthValue() + "-EL", today.minusDays(8), null, "7980.15", null, List.of(), admin);
        Invoice wrongShipment = invoice(client, "SWIFTLOG", "SL-3001", today.minusDays(25), null, "1250.00", null, List.of(), admin);
        invoices.reject(client, wrongShipment.id(), "Not our shipment: billed to the Milwaukee store, which Swift does not serve.", karen);
        Invoice freight = invoice(client, "SWIFTLOG", "SL-2990", today.minusDays(30), today.minusDays(2), "610.00", null, List.of(), admin);
        invoices.approve(client, freight.id(), karen);
        Invoice paper = invoice(client, "OFFICEPRO", "OP-5490", today.minusDays(60), today.minusDays(30), "940.00", null, List.of(), admin);
        invoices.approve(client, paper.id(), karen);
        Invoice stock = invoice(client, "FRESHFARM", "FF-88100", today.minusDays(50), today.minusDays(20), "2200.00", null, List.of(), admin);
        invoices.approve(client, stock.id(), karen);

        // The overdue ones paid today: OP-5490 in full, FF-88100 in part (1,200.00 stays open); SL-2990 is held back.
        Proposal overdue = proposals.propose(client, new ProposePayments("USD", today.minusDays(1), today,
                List.of(new ProposePayments.Part(stock.id(), new BigDecimal("1000.00")))), admin);
        proposals.approve(client, overdue.id(), karen);
        proposals.run(client, overdue.id(), admin);

        creditNotes.capture(client, new CaptureCreditNote("CITYPOWER", "CN-" + today.minusMonths(1).getMonthValue() + "-EL",
                today.minusDays(6), "USD", new BigDecimal("150.00"), power.number(), "Meter misread at the Evanston store"), admin);
        // What falls due in the next two weeks, less City Power's credit: waiting for Karen's approval.
        proposals.propose(client, new ProposePayments("USD", today.plusDays(14), today.plusDays(1)), admin);
    }

    private void vendor(UUID client, String code, String name, String taxId, int terms, String discountPercent, Integer discountDays,
                        BankDetails bank, CurrentUser by, CurrentUser second) {
        Vendor vendor = vendors.register(client, new RegisterVendor(code, name, taxId, List.of("USD"), terms,
                discountPercent == null ? null : new BigDecimal(discountPercent), discountDays,
                "ap@" + code.toLowerCase() + ".example", bank), by);
        vendors.decideBankChange(client, vendor.id(), vendor.pendingBankChange(), true, second);
    }

    private Invoice invoice(UUID client, String vendor, String number, LocalDate date, LocalDate due, String total, String order,
                            List<CaptureInvoice.Line> lines, CurrentUser by) {
        return invoices.capture(client, new CaptureInvoice(vendor, number, date, due, "USD", new BigDecimal(total), null, order, null,
                lines), by);
    }

    private CurrentUser user(UUID client, String email, CurrentUser admin) {
        User user = users.page(client, null, 500, admin).stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
        return CurrentUser.of(user);
    }

    private static BankDetails usBank(String routing, String account) {
        return new BankDetails(BankDetails.Scheme.US, null, null, null, routing, account, false);
    }
}
