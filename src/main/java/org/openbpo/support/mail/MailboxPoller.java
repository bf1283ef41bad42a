package org.openbpo.support.mail;

import jakarta.mail.MessagingException;
import org.openbpo.shared.mail.ImapFolderReader;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.EmailIntake;
import org.openbpo.support.IntakeSource;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.MailboxRows;
import org.openbpo.support.persistence.StoredChannel;
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
 * Fetches clients' IMAP mailboxes. Every node runs it; each mailbox is leased through the
 * database to one node at a time, and a node that dies lets its lease run out. Each message is
 * stored before the mailbox's place is moved past it, so a crash at any point means fetching a
 * message again — which intake recognises — never losing one.
 */
@Component
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int MAILBOXES_PER_TICK = 20;
    private static final int MESSAGES_PER_FETCH = 1_000;
    /** Messages stored, and then read, per transaction: fewer round trips, while a failed batch is re-read one by one. */
    private static final int MESSAGES_PER_BATCH = 100;

    private final MailboxRows mailboxes;
    private final ChannelSettingsRows channels;
    private final EmailIntake intake;
    private final Secrets secrets;
    private final MailRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    MailboxPoller(MailboxRows mailboxes, ChannelSettingsRows channels, EmailIntake intake, Secrets secrets, MailRules rules,
                  TransactionTemplate transactions, Clock clock) {
        this.mailboxes = mailboxes;
        this.channels = channels;
        this.intake = intake;
        this.secrets = secrets;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${openbpo.support.email.poll-tick:5000}", initialDelayString = "${openbpo.support.email.poll-tick:5000}")
    void tick() {
        try {
            pollDue();
            TenantScope.run(AllowedClients.ALL, () -> intake.finishWaiting(100));
        } catch (RuntimeException e) {
            LOG.warn("Mailbox polling will retry on the next tick: {}", e.toString());
        }
    }

    /** Fetches the mailboxes that are due and that no other node holds, side by side; returns how many. */
    public int pollDue() {
        List<MailboxRows.Lease> leases = inTransaction(AllowedClients.ALL,
                () -> mailboxes.leaseDue(node, clock.instant(), rules.pollLease(), MAILBOXES_PER_TICK));
        try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
            leases.forEach(lease -> fetchers.submit(() -> fetch(lease)));
        }
        return leases.size();
    }

    /** Fetches one client's mailbox now, due or not; false when another node is fetching it. */
    public boolean poll(UUID clientId) {
        Optional<MailboxRows.Lease> lease = inTransaction(AllowedClients.only(clientId),
                () -> mailboxes.leaseNow(clientId, node, clock.instant(), rules.pollLease()));
        lease.ifPresent(this::fetch);
        return lease.isPresent();
    }

    private void fetch(MailboxRows.Lease lease) {
        UUID clientId = lease.clientId();
        AllowedClients scope = AllowedClients.only(clientId);
        TenantScope.run(scope, () -> {
            try {
                StoredChannel.Server imap = inTransaction(scope, () -> channels.find(clientId)).map(StoredChannel::imap).orElse(null);
                if (imap == null) {
                    inTransaction(scope, () -> {
                        mailboxes.unschedule(clientId);
                        return null;
                    });
                    return;
                }
                MailAccount account = MailAccount.of(clientId, "imap", imap, secrets);
                var fetched = ImapFolderReader.fetch(account.inbox(), lease.uidValidity(), lease.lastUid(), MESSAGES_PER_FETCH, MESSAGES_PER_BATCH,
                        rules.maxMessageSize().toBytes(), (validity, lastUid, batch) -> {
                            intake.receiveAll(clientId, batch.stream().map(raw -> new EmailIntake.Incoming(raw.bytes(), raw.size()))
                                    .toList(), IntakeSource.IMAP);
                            inTransaction(scope, () -> {
                                mailboxes.advance(clientId, node, validity, lastUid);
                                return null;
                            });
                        });
                Instant now = clock.instant();
                // A full fetch means more mail is waiting: come back at once rather than after the interval.
                Instant next = fetched.count() >= MESSAGES_PER_FETCH ? now : now.plus(rules.pollEvery());
                inTransaction(scope, () -> {
                    mailboxes.release(clientId, node, now, next, fetched.count());
                    return null;
                });
            } catch (MessagingException | IOException | RuntimeException e) {
                LOG.warn("Fetching the mailbox of client {} failed: {}", clientId, e.toString());
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                inTransaction(scope, () -> {
                    mailboxes.failed(clientId, node, clock.instant(), rules.pollEvery(), error);
                    return null;
                });
            }
        });
    }

    private <T> T inTransaction(AllowedClients scope, Supplier<T> work) {
        return TenantScope.call(scope, () -> transactions.execute(tx -> work.get()));
    }
}
