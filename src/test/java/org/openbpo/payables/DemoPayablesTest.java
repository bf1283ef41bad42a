package org.openbpo.payables;

import org.junit.jupiter.api.Test;
import org.openbpo.demo.DemoData;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's accounts payable: a real workload for the /payables page, every invoice state in it. */
class DemoPayablesTest extends IntegrationTest {

    @Autowired
    DemoData demo;
    @Autowired
    Clients clients;
    @Autowired
    Invoices invoices;
    @Autowired
    PaymentProposals proposals;
    @Autowired
    CreditNotes creditNotes;
    @Autowired
    PayablesReports reports;
    @Autowired
    InvoiceMails mails;

    @Test
    void lakeshoresPayablesHaveInvoicesInEveryStateAnExceptionAndAProposalForTheClient() {
        demo.loadOnce();
        TenantScope.run(AllowedClients.ALL, () -> {
            Client lakeshore = clients.page(null, 500).stream().filter(c -> c.code().equals("LAKESHORE")).findFirst().orElseThrow();
            List<Invoice> all = invoices.page(lakeshore.id(), null, null, null, null, 100);
            Set<InvoiceStatus> states = all.stream().map(Invoice::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(InvoiceStatus.class)));
            assertThat(states).containsExactlyInAnyOrder(InvoiceStatus.values());
            Invoice exception = all.stream().filter(i -> i.status() == InvoiceStatus.EXCEPTION).findFirst().orElseThrow();
            assertThat(exception.workItemId()).as("an agent has it as work").isNotNull();
            assertThat(exception.exceptions()).isNotEmpty();

            List<Proposal> latest = proposals.latest(lakeshore.id(), 10);
            assertThat(latest).extracting(Proposal::status).contains("DRAFT", "PAID");
            Proposal waiting = proposals.get(lakeshore.id(), latest.stream().filter(p -> p.status().equals("DRAFT")).findFirst().orElseThrow().id());
            assertThat(waiting.credited()).as("City Power's credit note").isEqualByComparingTo("150.00");
            assertThat(waiting.items()).extracting(Proposal.Item::number).contains("FF-88100", "FF-88213");
            Proposal.Item part = waiting.items().stream().filter(i -> i.number().equals("FF-88100")).findFirst().orElseThrow();
            assertThat(part.open()).as("paid in part before").isEqualByComparingTo("1200.00");
            assertThat(creditNotes.list(lakeshore.id(), null, false, 10)).hasSize(1);
            assertThat(reports.aging(lakeshore.id(), null).totals()).isNotEmpty();
            List<InvoiceMailMessage> mail = mails.messages(lakeshore.id(), null, null, null, 10);
            assertThat(mail).extracting(InvoiceMailMessage::status).containsExactlyInAnyOrder(InvoiceMailStatus.CAPTURED,
                    InvoiceMailStatus.TO_KEY, InvoiceMailStatus.IGNORED);
            assertThat(mail.stream().filter(m -> m.status() == InvoiceMailStatus.TO_KEY).findFirst().orElseThrow().workItemId())
                    .as("the scanned PDF is an agent's work").isNotNull();
            assertThat(all).extracting(Invoice::number).contains("OP-5600");
        });
    }
}
