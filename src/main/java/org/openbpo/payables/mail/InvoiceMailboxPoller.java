package org.openbpo.payables.mail;

import jakarta.mail.MessagingException;
import org.openbpo.payables.InvoiceMailRules;
import org.openbpo.payables.InvoiceMails;
import org.openbpo.payables.persistence.ApMailboxRows;
import org.openbpo.shared.mail.ImapFolderReader;
import org.openbpo.shared.mail.PublicHosts;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Fetches clients' AP mailboxes. Every node runs it; each mailbox is leased through the database
 * to one node at a time, and a node that dies lets its lease run out. Each message is stored before
 * the mailbox's place (UIDVALIDITY and last UID) is moved past it, so a crash at any point means
 * fetching a message again — which the message key recognises — never losing one. Whatever a
 * message holds, it ends with a status and a reason; only the server's own failures count as a
 * failed fetch, retried later with a growing pause.
 */
@Component
public class InvoiceMailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceMailboxPoller.class);
    private static final int MAILBOXES_PER_TICK = 20;
    private static final int MESSAGES_PER_FETCH = 500;
    private static final int MESSAGES_PER_BATCH = 50;

    private final ApMailboxRows mailboxes;
    private final InvoiceMails mails;
    private final Secrets secrets;
    private final InvoiceMailRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PublicHosts.Resolver resolver = PublicHosts.Resolver.SYSTEM;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    InvoiceMailboxPoller(ApMailboxRows mailboxes, InvoiceMails mails, Secrets secrets, InvoiceMailRules rules,
                         TransactionTemplate transactions, Clock clock) {
        this.mailboxes = mailboxes;
        this.mails = mails;
        this.secrets = secrets;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${openbpo.payables.email.poll-tick:5000}", initialDelayString = "${openbpo.payables.email.poll-tick:5000}")
    void tick() {
        try {
            pollDue();
            mails.finishWaiting(100);
        } catch (RuntimeException e) {
            LOG.warn("AP mailbox polling will retry on the next tick: {}", e.toString());
        }
    }

    /** Fetches the mailboxes that are due and that no other node holds, side by side; returns how many. */
    public int pollDue() {
        List<ApMailboxRows.Lease> leases = inTransaction(AllowedClients.ALL,
                () -> mailboxes.leaseDue(node, clock.instant(), rules.pollLease(), MAILBOXES_PER_TICK));
        try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
            leases.forEach(lease -> fetchers.submit(() -> fetch(lease)));
        }
        return leases.size();
    }

    /** Fetches one client's mailbox now, due or not; false when another node is fetching it. */
    public boolean poll(UUID client) {
        Optional<ApMailboxRows.Lease> lease = inTransaction(AllowedClients.only(client),
                () -> mailboxes.leaseNow(client, node, clock.instant(), rules.pollLease()));
        lease.ifPresent(this::fetch);
        return lease.isPresent();
    }

    private void fetch(ApMailboxRows.Lease lease) {
        UUID client = lease.clientId();
        AllowedClients scope = AllowedClients.only(client);
        TenantScope.run(scope, () -> {
            try {
                ApMailboxRows.Login login = inTransaction(scope, () -> mailboxes.login(client)).orElse(null);
                if (login == null) {
                    return; // removed meanwhile
                }
                PublicHosts.Checked checked = null;
                if (login.setUpByClient()) {
                    // The name may point elsewhere since it was set up: its addresses are asked for and checked again just
                    // before connecting, and the connection goes to the very addresses checked, never asking the name again.
                    checked = PublicHosts.check(login.host(), resolver);
                    Optional<String> refusal = checked.refusal();
                    if (refusal.isPresent()) {
                        LOG.warn("The AP mailbox of client {} was not fetched: {}", client, refusal.get());
                        inTransaction(scope, () -> {
                            mailboxes.failed(client, node, clock.instant(), rules.pollEvery(), "Not fetched: " + refusal.get());
                            return null;
                        });
                        return;
                    }
                }
                String password = login.sealedPassword() == null ? null
                        : secrets.open(login.sealedPassword(), InvoiceMails.secretContext(client));
                ApMailAccount account = new ApMailAccount(login.host(), login.port(), login.security(), login.username(),
                        password, login.folder(), checked);
                var fetched = ImapFolderReader.fetch(account.login(), lease.uidValidity(), lease.lastUid(), MESSAGES_PER_FETCH, MESSAGES_PER_BATCH,
                        rules.maxMessageSize().toBytes(), (validity, lastUid, batch) -> {
                            for (ImapFolderReader.Raw raw : batch) {
                                mails.receive(client, raw.bytes(), raw.size(), "IMAP");
                            }
                            inTransaction(scope, () -> {
                                mailboxes.advance(client, node, validity, lastUid);
                                return null;
                            });
                        });
                Instant now = clock.instant();
                // A full fetch means more mail is waiting: come back at once rather than after the interval.
                Instant next = fetched.count() >= MESSAGES_PER_FETCH ? now : now.plus(rules.pollEvery());
                inTransaction(scope, () -> {
                    mailboxes.release(client, node, now, next, fetched.count());
                    return null;
                });
            } catch (MessagingException | IOException | RuntimeException e) {
                LOG.warn("Fetching the AP mailbox of client {} failed: {}", client, e.toString());
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                inTransaction(scope, () -> {
                    mailboxes.failed(client, node, clock.instant(), rules.pollEvery(), error);
                    return null;
                });
            }
        });
    }

    private <T> T inTransaction(AllowedClients scope, Supplier<T> work) {
        return TenantScope.call(scope, () -> transactions.execute(tx -> work.get()));
    }
}
