package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.domain.InvoiceMail;
import org.openbpo.payables.domain.InvoiceMail.Document;
import org.openbpo.payables.domain.InvoiceMail.Kind;
import org.openbpo.shared.mail.PublicHosts;
import org.openbpo.payables.persistence.InboundMailRows;
import org.openbpo.payables.persistence.InboundMailRows.NewDocument;
import org.openbpo.payables.persistence.ApMailboxRows;
import org.openbpo.shared.database.SqlFailures;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.mail.SendAttempts;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Invoices by email to the client's AP mailbox. A message is first stored raw under its
 * Message-ID (or the SHA-256 of its bytes) in a transaction of its own; then, in a second one, it is
 * read: its UBL e-invoices and credit notes are captured through the same capture as the API (the
 * same checks, entities refused, duplicates found); a message with only a PDF becomes a draft for an
 * agent to key in, raised as a work item of the client's accounts-payable line, the PDF kept;
 * machines' mail and our own mail coming back are ignored; executables and oversized files are
 * refused with the reason. If reading fails, the capture is rolled back and the message is settled
 * as rejected with the reason in a transaction of its own, so nothing is thrown back at the poller
 * and nothing is half captured; but when the database failed (a serialization failure, a lost
 * connection), the message waits and is read again after a growing pause, rejected only after
 * eight such reads. A crash between the steps leaves the message for any node to
 * finish; the same message arriving twice finds the first and changes nothing.
 */
@Service
public class InvoiceMails {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceMails.class);

    /** What handing a message in did; {@code duplicate} when the same message had come before. */
    public record Outcome(InvoiceMailMessage message, boolean duplicate) {
    }

    private final ApMailboxRows mailboxes;
    private final InboundMailRows mails;
    private final InvoiceImports imports;
    private final CreditNotes creditNotes;
    private final Invoices invoices;
    private final PayablesWork work;
    private final Clients clients;
    private final Secrets secrets;
    private final InvoiceMailRules rules;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    /** Storing and reading a message: a transaction of its own, or a savepoint inside a caller's (the demo loads in one). */
    private final TransactionTemplate steps;
    private final Clock clock;

    InvoiceMails(ApMailboxRows mailboxes, InboundMailRows mails, InvoiceImports imports, CreditNotes creditNotes, Invoices invoices,
                 PayablesWork work, Clients clients, Secrets secrets, InvoiceMailRules rules, AuditTrail audit,
                 TransactionTemplate transactions, Clock clock) {
        this.mailboxes = mailboxes;
        this.mails = mails;
        this.imports = imports;
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.work = work;
        this.clients = clients;
        this.secrets = secrets;
        this.rules = rules;
        this.audit = audit;
        this.transactions = transactions;
        this.steps = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.steps.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** What the password is sealed for: this client's AP mailbox only. */
    public static String secretContext(UUID client) {
        return "payables.mailbox/" + client;
    }

    /** Who captures what the mailbox brings: the client's AP mailbox, a requester of that client and nothing more. */
    public static CurrentUser mailboxActor(UUID client) {
        UUID id = UUID.nameUUIDFromBytes(("payables.mailbox/" + client).getBytes(StandardCharsets.UTF_8));
        return new CurrentUser(id, client, "ap-mailbox", "AP mailbox", Set.of(Role.REQUESTER), AllowedClients.only(client), null);
    }

    // ---- the mailbox's settings

    public ApMailbox mailbox(UUID client) {
        return inTransaction(() -> {
            clients.get(client);
            return mailboxes.find(client).orElseThrow(() -> new NotFound("AP mailbox", client));
        });
    }

    public Optional<ApMailbox> findMailbox(UUID client) {
        return inTransaction(() -> {
            clients.get(client);
            return mailboxes.find(client);
        });
    }

    /**
     * The client's administrators may name only a mail server on a public address, which every fetch
     * checks again; the provider's managers may name any server, their own network's included.
     */
    public ApMailbox setUp(UUID client, SetUpMailbox command, CurrentUser by) {
        inTransaction(() -> {
            clients.get(client);
            PayablesPermissions.requireSettings(by);
            return null;
        });
        String host = command.host().strip().toLowerCase(Locale.ROOT);
        boolean byClient = !by.providerStaff();
        if (byClient) {
            requirePublic(host); // outside a transaction: a slow name server holds no database connection
        }
        return inTransaction(() -> {
            Optional<ApMailboxRows.Login> before = mailboxes.login(client);
            String username = blank(command.username());
            byte[] sealed;
            if (command.password() != null && !command.password().isEmpty()) {
                sealed = secrets.seal(command.password(), secretContext(client));
            } else {
                sealed = before.filter(b -> java.util.Objects.equals(b.username(), username)).map(ApMailboxRows.Login::sealedPassword)
                        .orElse(null);
            }
            if (username != null && sealed == null) {
                throw BusinessRuleViolation.invalid("password", "A login needs its password.");
            }
            String folder = blank(command.folder()) == null ? "INBOX" : command.folder().strip();
            String address = blank(command.address()) == null ? null : command.address().strip().toLowerCase(Locale.ROOT);
            mailboxes.save(client, new ApMailboxRows.Login(host, command.port(), command.security(), username, sealed, folder, address,
                    byClient), clock.instant(), by.email());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("host", command.host());
            after.put("port", command.port());
            after.put("security", command.security().name());
            after.put("username", username == null ? "" : username);
            after.put("passwordChanged", command.password() != null && !command.password().isEmpty());
            after.put("folder", folder);
            after.put("setUpByClient", byClient);
            audit.record(client, "payables.mailbox-set-up", "ap-mailbox", client,
                    before.map(b -> Map.of("host", b.host(), "folder", b.folder())).orElse(null), after);
            return mailboxes.find(client).orElseThrow();
        });
    }

    private static void requirePublic(String host) {
        try {
            Optional<String> refusal = PublicHosts.refusal(host);
            if (refusal.isPresent()) {
                throw BusinessRuleViolation.invalid("host", refusal.get());
            }
        } catch (UnknownHostException unknown) {
            // The name has no address (yet): nothing to connect to now, and every fetch checks its addresses again.
        }
    }

    public void remove(UUID client, CurrentUser by) {
        inTransaction(() -> {
            clients.get(client);
            PayablesPermissions.requireSettings(by);
            if (!mailboxes.delete(client)) {
                throw new NotFound("AP mailbox", client);
            }
            audit.record(client, "payables.mailbox-removed", "ap-mailbox", client, null, null);
            return null;
        });
    }

    /** Before "fetch now": the mailbox exists (404 otherwise) and the caller may change payables settings. */
    public void checkMayFetch(UUID client, CurrentUser by) {
        mailbox(client);
        PayablesPermissions.requireSettings(by);
    }

    // ---- mail in

    /** A relay hands in one raw message: the provider's AP staff and the client's administrators. */
    public Outcome handIn(UUID client, byte[] raw, CurrentUser by) {
        inTransaction(() -> {
            clients.get(client);
            PayablesPermissions.requireClerk(by, "hand in mail for the AP mailbox");
            return null;
        });
        return receive(client, raw, raw.length, "RELAY");
    }

    /**
     * Stores the message (only its headers when it is over the size limit, then refused), then
     * reads it; says what became of it. {@code raw} may be only the headers of a larger message.
     */
    public Outcome receive(UUID client, byte[] raw, long size, String source) {
        long limit = rules.maxMessageSize().toBytes();
        boolean tooLarge = size > limit || raw.length > limit;
        byte[] kept = tooLarge ? headers(raw) : raw;
        InvoiceMail.Envelope envelope = InvoiceMail.envelope(kept);
        String key = envelope.key(kept);
        UUID id = Ids.next();
        boolean stored = Boolean.TRUE.equals(steps.execute(tx -> {
            clients.get(client);
            return mails.insert(client, id, key, envelope.messageId(), source, kept, size, clock.instant(), envelope.sender(),
                    envelope.subject(), tooLarge ? InvoiceMailStatus.REJECTED : InvoiceMailStatus.RECEIVED,
                    tooLarge ? "The message has " + size + " bytes; the limit is " + limit + ". Only its headers were kept." : null);
        }));
        if (!stored) {
            UUID first = inTransaction(() -> mails.idByKey(client, key).orElseThrow());
            return new Outcome(inTransaction(() -> mails.find(client, first).orElseThrow()), true);
        }
        if (!tooLarge) {
            read(client, id);
        }
        return new Outcome(inTransaction(() -> mails.find(client, id).orElseThrow()), false);
    }

    /** Reads messages a crash left stored but unread (older than a minute, so a live reader is not raced); returns how many. */
    public int finishWaiting(int limit) {
        List<Map.Entry<UUID, UUID>> waiting = TenantScope.call(AllowedClients.ALL,
                () -> transactions.execute(tx -> mails.waiting(clock.instant().minus(Duration.ofMinutes(1)), clock.instant(), limit)));
        for (Map.Entry<UUID, UUID> message : waiting) {
            TenantScope.run(AllowedClients.only(message.getKey()), () -> read(message.getKey(), message.getValue()));
        }
        return waiting == null ? 0 : waiting.size();
    }

    private void read(UUID client, UUID id) {
        try {
            steps.executeWithoutResult(tx -> settle(client, id, null));
        } catch (RuntimeException e) {
            String reason = reason(e);
            if (SqlFailures.passing(e) && readLater(client, id, reason)) {
                return;
            }
            LOG.info("Mail {} of client {} is settled as rejected: {}", id, client, reason);
            steps.executeWithoutResult(tx -> settle(client, id, reason));
        }
    }

    /**
     * Leaves a message the database failed to read (a serialization failure, a lost connection)
     * waiting, for {@link #finishWaiting} to read after a growing pause; false once it has failed
     * {@link SendAttempts#MOST} times, to be rejected, so one message never loops for ever.
     */
    private boolean readLater(UUID client, UUID id, String reason) {
        try {
            Integer failed = steps.execute(tx -> mails.readLater(client, id, reason, clock.instant()));
            if (failed != null && failed >= SendAttempts.MOST) {
                return false;
            }
            LOG.info("Mail {} of client {} is read again later: {}", id, client, reason);
        } catch (RuntimeException down) {
            LOG.warn("Mail {} of client {} waits to be read again: {}", id, client, down.toString());
        }
        return true;
    }

    /** Reads a claimed message and records its outcome; with {@code failure} set, only records why nothing was captured. */
    private void settle(UUID client, UUID id, @Nullable String failure) {
        InboundMailRows.Claimed claimed = mails.claim(client, id).orElse(null);
        if (claimed == null) {
            return; // read by another transaction meanwhile
        }
        Instant now = clock.instant();
        InvoiceMail.Reading reading = InvoiceMail.read(claimed.raw());
        if (reading instanceof InvoiceMail.Unreadable unreadable) {
            finish(client, id, InvoiceMailStatus.REJECTED, unreadable.reason(), List.of(), List.of(), null, now);
            return;
        }
        InvoiceMail.Readable mail = (InvoiceMail.Readable) reading;
        if (mail.automatic() != null) {
            finish(client, id, InvoiceMailStatus.IGNORED, "Automatic message: " + mail.automatic(), List.of(), List.of(), null, now);
            return;
        }
        String own = mailboxes.login(client).map(ApMailboxRows.Login::address).orElse(null);
        if (mail.loop() != null || mail.sender().equals(own)) {
            finish(client, id, InvoiceMailStatus.IGNORED, "A mail loop: the message was sent by OpenBPO or by the AP mailbox itself.",
                    List.of(), List.of(), null, now);
            return;
        }
        List<NewDocument> kept = new ArrayList<>();
        List<Document> invoiceFiles = new ArrayList<>();
        List<Document> creditFiles = new ArrayList<>();
        List<String> notes = new ArrayList<>(mail.notes());
        boolean pdf = false;
        for (Document document : mail.documents()) {
            int number = kept.size() + 1;
            Optional<String> refusal = rules.screen().refusal(document.filename(), document.contentType(), document.content());
            if (refusal.isPresent()) {
                kept.add(new NewDocument(number, document.filename(), document.contentType(), document.content().length, "REFUSED",
                        null, refusal.get()));
                notes.add(document.filename() + " refused: " + refusal.get() + ".");
                continue;
            }
            kept.add(new NewDocument(number, document.filename(), document.contentType(), document.content().length,
                    document.kind().name(), document.content(), null));
            switch (document.kind()) {
                case UBL_INVOICE -> invoiceFiles.add(document);
                case UBL_CREDIT_NOTE -> creditFiles.add(document);
                case PDF -> pdf = true;
                case OTHER -> {
                }
            }
        }
        mails.addDocuments(client, id, kept);
        String noted = notes.isEmpty() ? null : String.join(" ", notes);
        if (failure != null) {
            finish(client, id, InvoiceMailStatus.REJECTED, join(failure, noted), List.of(), List.of(), null, now);
            return;
        }
        CurrentUser actor = mailboxActor(client);
        if (!invoiceFiles.isEmpty() || !creditFiles.isEmpty()) {
            List<UUID> captured = new ArrayList<>();
            for (Document file : invoiceFiles) {
                captured.add(capturing(file, () -> imports.eInvoice(client, file.content(), null, actor).id()));
            }
            List<UUID> credited = new ArrayList<>();
            for (Document file : creditFiles) {
                credited.add(capturing(file, () -> creditNotes.eCreditNote(client, file.content(), null, actor).id()));
            }
            finish(client, id, InvoiceMailStatus.CAPTURED, noted, captured, credited, null, now);
            return;
        }
        if (pdf) {
            String serviceLine;
            try {
                serviceLine = work.serviceLine(client);
            } catch (BusinessRuleViolation none) {
                finish(client, id, InvoiceMailStatus.TO_KEY, join("No work item was raised: " + none.getMessage(), noted),
                        List.of(), List.of(), null, now);
                return;
            }
            WorkItem item = work.raiseKeying(client, serviceLine, id, mail.sender(), InvoiceMail.envelope(claimed.raw()).subject(), actor);
            finish(client, id, InvoiceMailStatus.TO_KEY, noted, List.of(), List.of(), item.id(), now);
            return;
        }
        finish(client, id, InvoiceMailStatus.REJECTED, join("No invoice attached: neither a UBL e-invoice nor a PDF.", noted),
                List.of(), List.of(), null, now);
    }

    private void finish(UUID client, UUID id, InvoiceMailStatus status, @Nullable String reason, List<UUID> invoiceIds,
                        List<UUID> creditIds, @Nullable Long item, Instant now) {
        String clipped = reason == null ? null : reason.length() <= 4000 ? reason : reason.substring(0, 3999) + "…";
        mails.settle(client, id, status, clipped, invoiceIds, creditIds, item, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        if (clipped != null) {
            after.put("reason", clipped);
        }
        if (!invoiceIds.isEmpty()) {
            after.put("invoices", invoiceIds.stream().map(UUID::toString).toList());
        }
        if (item != null) {
            after.put("workItem", item);
        }
        audit.record(client, "payables.invoice-mail-read", "inbound-mail", id, null, after);
    }

    /** Names the file in a refusal, so the reason recorded says which attachment was at fault. */
    private static UUID capturing(Document file, java.util.function.Supplier<UUID> capture) {
        try {
            return capture.get();
        } catch (FileRejected rejected) {
            throw new FileRejected(rejected.code(), file.filename() + ": " + rejected.getMessage(), rejected.problems());
        } catch (BusinessRuleViolation refused) {
            throw new BusinessRuleViolation(refused.status(), refused.code(), refused.field(), file.filename() + ": " + refused.getMessage());
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof FileRejected rejected) {
            return rejected.getMessage() + " " + rejected.problems().stream().limit(10)
                    .map(p -> p.where() + ": " + p.reason()).collect(Collectors.joining("; "));
        }
        if (e instanceof BusinessRuleViolation refused) {
            return refused.getMessage();
        }
        return "The message could not be read: " + e;
    }

    // ---- keying in a draft

    /** An agent keys in the invoice a PDF-only message carried; the draft's work item is done, the invoice goes its own way. */
    public Invoice keyIn(UUID client, UUID mailId, CaptureInvoice command, CurrentUser by) {
        return inTransaction(() -> {
            clients.get(client);
            InvoiceMailMessage message = mails.find(client, mailId).orElseThrow(() -> new NotFound("mail", mailId));
            PayablesPermissions.requireStaff(by, "key in invoices from mail");
            boolean hasPdf = message.documents().stream().anyMatch(d -> d.kind().equals(Kind.PDF.name()));
            if (message.status() != InvoiceMailStatus.TO_KEY && !(message.status() == InvoiceMailStatus.REJECTED && hasPdf)) {
                throw BusinessRuleViolation.conflict("not-a-draft", "The message is " + message.status()
                        + "; only a draft waiting to be keyed in (or a refused message with a PDF) can be keyed in.");
            }
            Invoice invoice = invoices.capture(client, command, by);
            if (!mails.keyed(client, mailId, invoice.id(), clock.instant())) {
                throw BusinessRuleViolation.conflict("not-a-draft", "The message was keyed in by someone else meanwhile.");
            }
            if (message.workItemId() != null) {
                work.finishKeying(client, message.workItemId(), "Keyed in as invoice " + invoice.number() + " (" + invoice.id() + ")", by);
            }
            audit.record(client, "payables.invoice-keyed-from-mail", "inbound-mail", mailId, Map.of("status", message.status().name()),
                    Map.of("status", "KEYED", "invoice", invoice.id().toString()));
            return invoice;
        });
    }

    // ---- reading

    public List<InvoiceMailMessage> messages(UUID client, @Nullable InvoiceMailStatus status, @Nullable Instant beforeAt,
                                             @Nullable UUID beforeId, int limit) {
        return inTransaction(() -> {
            clients.get(client);
            return mails.page(client, status, beforeAt == null ? Instant.parse("9999-12-31T00:00:00Z") : beforeAt,
                    beforeId == null ? new UUID(-1L, -1L) : beforeId, limit);
        });
    }

    public InvoiceMailMessage message(UUID client, UUID id) {
        return inTransaction(() -> {
            clients.get(client);
            return mails.find(client, id).orElseThrow(() -> new NotFound("mail", id));
        });
    }

    public byte[] raw(UUID client, UUID id) {
        return inTransaction(() -> {
            clients.get(client);
            return mails.raw(client, id).orElseThrow(() -> new NotFound("mail", id));
        });
    }

    public MailDocumentFile document(UUID client, UUID id, int number) {
        return inTransaction(() -> {
            clients.get(client);
            return mails.document(client, id, number).orElseThrow(() -> new NotFound("document", id + "/" + number));
        });
    }

    /** The messages an invoice came from, with their files. */
    public List<InvoiceMailMessage> ofInvoice(UUID client, UUID invoice) {
        return inTransaction(() -> {
            invoices.get(client, invoice);
            return mails.ofInvoice(client, invoice);
        });
    }

    /** For a list of invoices: where the PDF of each that came by mail is (message id and document number). */
    public Map<UUID, Map.Entry<UUID, Integer>> pdfsOf(UUID client, List<UUID> invoiceIds) {
        return inTransaction(() -> mails.pdfsOf(client, invoiceIds));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(tx -> work.get());
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String join(@Nullable String first, @Nullable String second) {
        return first == null ? second : second == null ? first : first + " " + second;
    }

    private static byte[] headers(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 256 * 1024), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        return (end < 0 ? text : text.substring(0, end)).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
