package org.openbpo.support;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.MailboxRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.openbpo.support.SupportPermissions.requireChannelAdministrator;
import static org.openbpo.support.SupportPermissions.requireProviderStaff;

/** Each client's email channel: its addresses, its mail servers, and its name, signature and colour on our answers. */
@Service
public class SupportChannels {

    private final org.openbpo.support.persistence.TicketSearchRows searchTerms;

    private static final Set<ServiceLineKind> FRONT_OFFICE = EnumSet.of(ServiceLineKind.CUSTOMER_SUPPORT,
            ServiceLineKind.TECH_SUPPORT, ServiceLineKind.IT_SERVICE_DESK);

    private final ChannelSettingsRows rows;
    private final MailboxRows mailboxes;
    private final Clients clients;
    private final Contracts contracts;
    private final Secrets secrets;
    private final AuditTrail audit;
    private final Clock clock;

    SupportChannels(ChannelSettingsRows rows, MailboxRows mailboxes, Clients clients, Contracts contracts, Secrets secrets, AuditTrail audit,
                    Clock clock, org.openbpo.support.persistence.TicketSearchRows searchTerms) {
        this.searchTerms = searchTerms;
        this.rows = rows;
        this.mailboxes = mailboxes;
        this.clients = clients;
        this.contracts = contracts;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a sealed mailbox password is bound to, so it only opens for this client and this server. */
    public static String secretContext(UUID clientId, String server) {
        return "support.channel/" + clientId + "/" + server;
    }

    /**
     * Only the provider's administrators set up a channel, so its mail servers may be on the provider's own network (a
     * relay, a test server), as for an AP mailbox the provider's staff set up; they are not checked against
     * {@link org.openbpo.shared.mail.PublicHosts}. Were clients ever to set up their channels, they would need that check.
     */
    @Transactional
    public ChannelSettings configure(UUID clientId, ConfigureChannel command, CurrentUser by) {
        clients.get(clientId);
        requireChannelAdministrator(by);
        var terms = contracts.termsInForce(clientId, command.serviceLine()).orElseThrow(() -> BusinessRuleViolation.invalid(
                "serviceLine", command.serviceLine() + " is not a service line on an active contract"));
        if (!FRONT_OFFICE.contains(terms.serviceLine().kind())) {
            throw BusinessRuleViolation.invalid("serviceLine", command.serviceLine() + " is not a support service line");
        }
        String inbound = address("inboundAddress", command.inboundAddress());
        String from = address("fromAddress", command.fromAddress());
        if (rows.addressTakenByAnother(clientId, inbound)) {
            throw new BusinessRuleViolation(409, "inbound-address-taken", "inboundAddress",
                    inbound + " already receives mail for another client.");
        }
        Optional<StoredChannel> before = rows.find(clientId);
        Instant now = clock.instant();
        StoredChannel after = new StoredChannel(clientId, command.serviceLine(), inbound,
                server(clientId, "imap", command.imap(), before.map(StoredChannel::imap).orElse(null)),
                server(clientId, "smtp", command.smtp(), before.map(StoredChannel::smtp).orElse(null)),
                from, command.displayName().strip(), command.signature() == null ? "" : command.signature().strip(),
                command.brandColour(), Boolean.TRUE.equals(command.webForm()), before.map(StoredChannel::createdAt).orElse(now), now);
        rows.save(after);
        if (before.isEmpty() || !before.get().serviceLine().equals(after.serviceLine())) {
            // Tickets raised before the channel existed become searchable too.
            searchTerms.indexExisting(clientId, after.serviceLine());
        }
        if (after.imap() == null) {
            mailboxes.unschedule(clientId);
        } else {
            mailboxes.schedule(clientId, now, sameMailbox(before.map(StoredChannel::imap).orElse(null), after.imap()));
        }
        audit.record(clientId, "support.channel-configured", "support-channel", clientId,
                before.map(StoredChannel::view).orElse(null), after.view());
        return after.view();
    }

    @Transactional(readOnly = true)
    public ChannelSettings settings(UUID clientId, CurrentUser by) {
        return find(clientId, by).orElseThrow(() -> new NotFound("support channel for client", clientId));
    }

    /** The client's channel, or empty while it has none, so a page can offer to set it up instead of failing. */
    @Transactional(readOnly = true)
    public Optional<ChannelSettings> find(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        requireProviderStaff(by);
        return rows.find(clientId).map(StoredChannel::view);
    }

    /** The client's support service lines in force today: the ones a channel may serve, in code order. */
    @Transactional(readOnly = true)
    public List<ServiceLine> supportLines(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        requireProviderStaff(by);
        return contracts.serviceLinesInForce(clientId).stream().filter(line -> FRONT_OFFICE.contains(line.kind())).toList();
    }

    /** How fetching the client's mailbox goes; not found when the channel has no IMAP mailbox. */
    @Transactional(readOnly = true)
    public MailboxStatus mailbox(UUID clientId, CurrentUser by) {
        return findMailbox(clientId, by).orElseThrow(() -> new NotFound("mailbox for client", clientId));
    }

    /** How fetching the client's mailbox goes, or empty when the channel has no IMAP mailbox. */
    @Transactional(readOnly = true)
    public Optional<MailboxStatus> findMailbox(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        requireProviderStaff(by);
        return mailboxes.state(clientId).map(s -> new MailboxStatus(s.dueAt(), s.lastPolledAt(), s.lastFetched(), s.failures(),
                s.lastError()));
    }

    private StoredChannel.@Nullable Server server(UUID clientId, String name, @Nullable ServerAccess access,
                                                  StoredChannel.@Nullable Server before) {
        if (access == null) {
            return null;
        }
        byte[] sealed;
        if (access.password() == null) {
            sealed = before == null ? null : before.sealedPassword();
        } else if (access.password().isEmpty()) {
            sealed = null;
        } else {
            sealed = secrets.seal(access.password(), secretContext(clientId, name));
        }
        String username = access.username() == null || access.username().isBlank() ? null : access.username().strip();
        return new StoredChannel.Server(access.host().strip().toLowerCase(), access.port(), access.security(), username, sealed);
    }

    /** The same mailbox, so its UIDs still count; another one starts from its first message. */
    private static boolean sameMailbox(StoredChannel.@Nullable Server before, StoredChannel.Server after) {
        return before != null && before.host().equals(after.host()) && before.port() == after.port()
                && java.util.Objects.equals(before.username(), after.username());
    }

    private static String address(String field, String text) {
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            if (!address.getAddress().equals(text.strip()) || !address.getAddress().contains("@")) {
                throw new AddressException("not a bare address");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw BusinessRuleViolation.invalid(field, text + " is not an email address (write it without a name, like help@example.com)");
        }
    }
}
