package org.openbpo.payables;

import org.openbpo.payables.mail.InvoiceMailboxPoller;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;

/** "Fetch now" for a client's AP mailbox, for the API and the pages; the poller fetches due mailboxes by itself. */
@Service
public class ApMailboxFetching {

    private final InvoiceMails mails;
    private final InvoiceMailboxPoller poller;

    ApMailboxFetching(InvoiceMails mails, InvoiceMailboxPoller poller) {
        this.mails = mails;
        this.poller = poller;
    }

    /** Fetches now and says how it went; 409 when another node is fetching the mailbox at this moment. */
    public ApMailbox fetchNow(java.util.UUID client, CurrentUser by) {
        mails.checkMayFetch(client, by);
        if (!poller.poll(client)) {
            throw BusinessRuleViolation.conflict("mailbox-busy", "Another node is fetching this mailbox right now.");
        }
        return mails.mailbox(client);
    }
}
