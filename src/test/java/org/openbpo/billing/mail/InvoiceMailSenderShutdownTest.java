package org.openbpo.billing.mail;

import org.junit.jupiter.api.Test;
import org.openbpo.billing.InvoicePdf;
import org.openbpo.billing.Invoicing;
import org.openbpo.billing.persistence.MailRows;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.tenancy.Clients;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A transaction that queued an invoice mail nudges the sender after it commits. On a node that is
 * shutting down the nudge is refused quietly: the mail waits for the next tick, and the caller, whose
 * work committed, gets no error.
 */
class InvoiceMailSenderShutdownTest extends IntegrationTest {

    @Autowired
    MailRows rows;
    @Autowired
    Invoicing invoicing;
    @Autowired
    InvoicePdf pdf;
    @Autowired
    Clients clients;
    @Autowired
    Secrets secrets;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @Test
    void aNudgeOnANodeThatIsShuttingDownIsNoError() {
        InvoiceMailSender sender = new InvoiceMailSender(rows, invoicing, pdf, clients, secrets, transactions, clock);
        sender.stop();

        assertThatCode(() -> sender.nudge(UUID.randomUUID(), UUID.randomUUID())).doesNotThrowAnyException();
        assertThatCode(sender::sendDueSoon).doesNotThrowAnyException();
    }
}
