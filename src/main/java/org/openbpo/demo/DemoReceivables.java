package org.openbpo.demo;

import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoiceMail;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.SetBillingContact;
import org.openbpo.ledger.ExchangeRate;
import org.openbpo.ledger.ExchangeRates;
import org.openbpo.ledger.HouseBook;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Northstar's own books (the house) and its receivables: the provider's legal entity is registered
 * and designated as the house (US GAAP, USD, with GBP and INR rates for the other clients' invoices),
 * each demo client has a billing contact, and Lakeshore's invoice for the month before the demo's
 * is issued, so the house book shows a receivable, revenue and tax from the start.
 */
@Component
class DemoReceivables {

    private static final YearMonth LAKESHORE_PLANS_FROM = YearMonth.of(2026, 1);

    private final Clients clients;
    private final HouseBook house;
    private final ExchangeRates rates;
    private final InvoiceMail mail;
    private final Invoicing invoicing;
    private final Clock clock;

    DemoReceivables(Clients clients, HouseBook house, ExchangeRates rates, InvoiceMail mail, Invoicing invoicing, Clock clock) {
        this.clients = clients;
        this.house = house;
        this.rates = rates;
        this.mail = mail;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    void load(DemoData.DemoClients demo, CurrentUser admin) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (house.house().isEmpty()) {
            Client northstar = clients.register(new RegisterClient("NORTHSTAR", "Northstar BPO (house)", "Northstar BPO Inc.", "US",
                    "America/Chicago", "USD", ClientStatus.ACTIVE));
            house.designate(northstar.id(), "US_GAAP", "USD", admin);
            UUID id = northstar.id();
            rates.quote(id, new ExchangeRate("GBP", "USD", today.minusMonths(2).withDayOfMonth(1), new BigDecimal("1.27")));
            rates.quote(id, new ExchangeRate("INR", "USD", today.minusMonths(2).withDayOfMonth(1), new BigDecimal("0.012")));
        }
        mail.setContact(demo.lakeshore().id(), new SetBillingContact("accounts.payable@lakeshore.example", "Lakeshore accounts payable"));
        mail.setContact(demo.albion().id(), new SetBillingContact("finance@albion.example", "Albion finance"));
        mail.setContact(demo.kaveri().id(), new SetBillingContact("ap@kaveri.example", "Kaveri accounts payable"));
        YearMonth last = YearMonth.from(today).minusMonths(1);
        if (!last.isBefore(LAKESHORE_PLANS_FROM)) {
            UUID lakeshore = demo.lakeshore().id();
            List<Invoice> drafts = invoicing.draft(lakeshore, last.atDay(1));
            for (Invoice draft : drafts) {
                invoicing.review(lakeshore, draft.id());
                invoicing.issue(lakeshore, draft.id());
            }
        }
    }
}
