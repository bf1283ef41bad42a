package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.ChatMessage.Author;
import org.openbpo.support.mail.Customers;
import org.openbpo.support.mail.WebFormRules;
import org.openbpo.support.persistence.ChatRows;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.FormSubmissionRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.async.DeferredResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Live chat on a client's web site. A chat is a ticket from its first line, linked to the
 * customer, and waits in the waiting-chats panel until an agent takes it; agents see chats ahead
 * of get-next because a person is sitting at the other end. When the chat ends its transcript goes
 * onto the ticket, which the agent then resolves like any other.
 */
@Service
public class LiveChats {

    private static final Duration LONG_POLL = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Clients clients;
    private final ChannelSettingsRows channels;
    private final ChatRows chats;
    private final WorkItems workItems;
    private final WorkItemComments comments;
    private final CustomerRecords customers;
    private final FormSubmissionRows submissions;
    private final WebFormRules rules;
    private final ChatSignals signals;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LiveChats(Clients clients, ChannelSettingsRows channels, ChatRows chats, WorkItems workItems, WorkItemComments comments,
              CustomerRecords customers, FormSubmissionRows submissions, WebFormRules rules, ChatSignals signals,
              AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.channels = channels;
        this.chats = chats;
        this.workItems = workItems;
        this.comments = comments;
        this.customers = customers;
        this.submissions = submissions;
        this.rules = rules;
        this.signals = signals;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    // --- The customer's side: public, proven by the chat's token -------------------------------

    public ChatSession start(String clientCode, StartChat command, String senderAddress) {
        Client client = client(clientCode);
        if (command.website() != null && !command.website().isBlank()) {
            return new ChatSession(Ids.next(), token(), null);
        }
        String sender = sha256(senderAddress);
        String token = token();
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            StoredChannel channel = channel(client);
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))").params(client.id().toString(), sender)
                    .query(Object.class).single();
            Instant now = clock.instant();
            if (submissions.countSince(client.id(), sender, now.minus(Duration.ofHours(1))) >= rules.maxPerSenderPerHour()) {
                throw new BusinessRuleViolation(429, "too-many-requests", null,
                        "You have started several conversations in the last hour. Please try again later, or write to "
                                + channel.inboundAddress() + ".");
            }
            String email = command.email().strip().toLowerCase(Locale.ROOT);
            String name = command.name().strip();
            String first = command.message().strip();
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("customerEmail", email);
            form.put("description", first);
            WorkItem ticket = workItems.create(client.id(), new CreateWorkItem(channel.serviceLine(), null, null,
                    clip("Chat: " + first, 300), form, "CHAT"), Customers.of(client.id(), email, name));
            Customer customer = customers.linkNew(client.id(), ticket, IdentifyCustomer.byEmail(email, name));
            UUID chatId = Ids.next();
            chats.insert(client.id(), chatId, ticket.id(), customer.id(), sha256(token), now);
            chats.append(client.id(), chatId, Author.CUSTOMER, name, first, now);
            submissions.insert(client.id(), Ids.next(), sender, now, ticket.id());
            audit.record(client.id(), "support.chat-started", "work-item", ticket.id(), null, Map.of("chat", chatId.toString()));
            return new ChatSession(chatId, token, ticket.reference());
        }));
    }

    public ChatMessage say(String clientCode, UUID chatId, String token, SayInChat line) {
        Client client = client(clientCode);
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            Chat chat = customersChat(client.id(), chatId, token, true);
            if (chat.status() == Chat.Status.ENDED) {
                throw BusinessRuleViolation.conflict("chat-ended", "This conversation has ended; start a new one.");
            }
            return said(chat, Author.CUSTOMER, chat.customerName(), line.body().strip());
        }));
    }

    public void leave(String clientCode, UUID chatId, String token) {
        Client client = client(clientCode);
        TenantScope.run(AllowedClients.only(client.id()), () -> transactions.executeWithoutResult(tx -> {
            Chat chat = customersChat(client.id(), chatId, token, true);
            end(chat, chat.customerName() + " left the chat.");
        }));
    }

    /**
     * The chat's lines after {@code after}: at once when there are some, else as soon as one is
     * said, else an empty answer after twenty seconds (the browser asks again).
     */
    public DeferredResult<ChatView> poll(String clientCode, UUID chatId, String token, int after) {
        Client client = client(clientCode);
        var read = (java.util.function.Supplier<ChatView>) () -> TenantScope.call(AllowedClients.only(client.id()),
                () -> transactions.execute(tx -> view(customersChat(client.id(), chatId, token, false), after)));
        ChatView now = read.get();
        DeferredResult<ChatView> result = new DeferredResult<>(LONG_POLL.toMillis());
        if (!now.messages().isEmpty() || now.status() == Chat.Status.ENDED) {
            result.setResult(now);
        } else {
            signals.await(new ChatSignals.Waiter(client.id(), chatId, after, result, read));
        }
        return result;
    }

    // --- The agents' side ------------------------------------------------------------------------

    /** The waiting-chats panel: chats of the clients the agent serves, the longest-waiting first. */
    public List<Chat> waiting(CurrentUser agent, int limit) {
        SupportPermissions.requireAgent(agent);
        return transactions.execute(tx -> chats.waiting(agent.allowedClients().all(),
                List.copyOf(agent.allowedClients().clients()), limit));
    }

    public List<Chat> of(UUID clientId, Chat.@Nullable Status status, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireAgent(by);
        return transactions.execute(tx -> chats.ofClient(clientId, status, 200));
    }

    public Chat get(UUID clientId, UUID chatId, CurrentUser by) {
        clients.get(clientId);
        Chat chat = transactions.execute(tx -> chats.find(clientId, chatId).orElseThrow(() -> new NotFound("chat", chatId)));
        SupportPermissions.requireAgent(by);
        return chat;
    }

    public List<ChatMessage> transcript(UUID clientId, UUID chatId, int after, CurrentUser by) {
        get(clientId, chatId, by);
        return transactions.execute(tx -> chats.messages(clientId, chatId, after));
    }

    /** The agent answers a waiting chat: it becomes theirs, and the ticket is assigned to them. */
    public Chat take(UUID clientId, UUID chatId, CurrentUser agent) {
        clients.get(clientId);
        return transactions.execute(tx -> {
            Chat chat = chats.lock(clientId, chatId).orElseThrow(() -> new NotFound("chat", chatId));
            SupportPermissions.requireAgent(agent);
            if (chat.status() != Chat.Status.WAITING) {
                throw BusinessRuleViolation.conflict(chat.status() == Chat.Status.ENDED ? "chat-ended" : "already-taken",
                        chat.status() == Chat.Status.ENDED ? "The customer has left this chat." : "Another agent has answered this chat.");
            }
            workItems.take(clientId, chat.itemId(), agent);
            Instant now = clock.instant();
            chats.answered(clientId, chatId, agent.id(), agent.displayName(), now);
            said(chat, Author.SYSTEM, "OpenBPO", agent.displayName() + " joined the chat.");
            audit.record(clientId, "support.chat-taken", "work-item", chat.itemId(), null, Map.of("agent", agent.id().toString()));
            return chats.find(clientId, chatId).orElseThrow();
        });
    }

    public ChatMessage answer(UUID clientId, UUID chatId, SayInChat line, CurrentUser agent) {
        clients.get(clientId);
        return transactions.execute(tx -> {
            Chat chat = chats.lock(clientId, chatId).orElseThrow(() -> new NotFound("chat", chatId));
            SupportPermissions.requireAgent(agent);
            if (chat.status() != Chat.Status.ACTIVE || !agent.id().equals(chat.agentId())) {
                throw BusinessRuleViolation.conflict("not-your-chat", chat.status() == Chat.Status.ENDED
                        ? "The chat has ended." : "Take the chat before answering it.");
            }
            return said(chat, Author.AGENT, agent.displayName(), line.body().strip());
        });
    }

    public Chat close(UUID clientId, UUID chatId, CurrentUser agent) {
        clients.get(clientId);
        return transactions.execute(tx -> {
            Chat chat = chats.lock(clientId, chatId).orElseThrow(() -> new NotFound("chat", chatId));
            SupportPermissions.requireAgent(agent);
            end(chat, agent.displayName() + " ended the chat.");
            return chats.find(clientId, chatId).orElseThrow();
        });
    }

    // ---------------------------------------------------------------------------------------------

    /** Ends the chat once: a closing line, and the transcript onto the ticket. Ending it again changes nothing. */
    private void end(Chat chat, String why) {
        if (chat.status() == Chat.Status.ENDED) {
            return;
        }
        Instant now = clock.instant();
        said(chat, Author.SYSTEM, "OpenBPO", why);
        chats.ended(chat.clientId(), chat.id(), now);
        StringBuilder transcript = new StringBuilder("Chat transcript (UTC)\n");
        for (ChatMessage line : chats.messages(chat.clientId(), chat.id(), 0)) {
            transcript.append('[').append(TIME.format(line.at())).append("] ").append(line.name()).append(": ")
                    .append(line.body()).append('\n');
        }
        comments.add(chat.clientId(), chat.itemId(), "chat", transcript.toString().strip(), WorkItemComments.Visibility.CLIENT);
        audit.record(chat.clientId(), "support.chat-ended", "work-item", chat.itemId(), null, Map.of("chat", chat.id().toString()));
    }

    private ChatMessage said(Chat chat, Author author, String name, String body) {
        ChatMessage line = chats.append(chat.clientId(), chat.id(), author, name, body, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signals.signal(chat.id());
            }
        });
        return line;
    }

    private ChatView view(Chat chat, int after) {
        return new ChatView(chat.status(), chat.agentName(), chat.reference(), chats.messages(chat.clientId(), chat.id(), after));
    }

    /** The chat, if the token is the one its customer was given; anything else is not found. */
    private Chat customersChat(UUID clientId, UUID chatId, String token, boolean lock) {
        String expected = chats.tokenHash(clientId, chatId).orElseThrow(() -> new NotFound("chat", chatId));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sha256(token).getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFound("chat", chatId);
        }
        return (lock ? chats.lock(clientId, chatId) : chats.find(clientId, chatId)).orElseThrow(() -> new NotFound("chat", chatId));
    }

    private Client client(String clientCode) {
        return TenantScope.call(AllowedClients.ALL, () -> clients.byCode(clientCode))
                .filter(c -> c.status() == ClientStatus.ACTIVE)
                .orElseThrow(() -> new NotFound("chat", clientCode));
    }

    private StoredChannel channel(Client client) {
        return channels.find(client.id()).filter(StoredChannel::webForm)
                .orElseThrow(() -> new NotFound("chat", client.code()));
    }

    /** What a chat page shows of the client: its name and colour. */
    public WebForms.FormPage page(String clientCode) {
        Client client = client(clientCode);
        StoredChannel channel = TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> channel(client)));
        return new WebForms.FormPage(client.code(), channel.displayName(), channel.brandColour());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text, int max) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
