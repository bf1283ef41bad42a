package org.openbpo.support;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.persistence.ChatRows;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Browsers waiting for the next line of a chat (long polling), held without a thread each. A line
 * said on this node wakes its chat's waiters as soon as it commits; a line said on another node is
 * noticed by a sweep once a second, which reads the chats' last line numbers in one query.
 */
@Component
class ChatSignals {

    record Waiter(UUID clientId, UUID chatId, int after, DeferredResult<ChatView> result, Supplier<ChatView> read) {
    }

    private final Map<UUID, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final ChatRows chats;
    private final TransactionTemplate transactions;

    ChatSignals(ChatRows chats, TransactionTemplate transactions) {
        this.chats = chats;
        this.transactions = transactions;
    }

    /**
     * Adding a waiter and removing a chat's last one are each one atomic step on the chat's entry,
     * so a waiter never lands in a set that is being dropped as empty.
     */
    void await(Waiter waiter) {
        waiting.compute(waiter.chatId(), (id, waiters) -> {
            Set<Waiter> set = waiters != null ? waiters : ConcurrentHashMap.newKeySet();
            set.add(waiter);
            return set;
        });
        waiter.result().onCompletion(() -> forget(waiter));
        waiter.result().onTimeout(() -> answer(waiter));
    }

    /**
     * Wakes the chat's waiters: called after a line or a change of the chat committed. They are
     * answered on a thread of their own, outside the committing transaction's synchronisation,
     * where a read would still join the finished transaction.
     */
    void signal(UUID chatId) {
        Set<Waiter> waiters = waiting.get(chatId);
        if (waiters != null) {
            List<Waiter> woken = List.copyOf(waiters);
            Thread.ofVirtual().name("chat-signal").start(() -> woken.forEach(this::answer));
        }
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void sweep() {
        List<Waiter> all = waiting.values().stream().flatMap(Set::stream).toList();
        if (all.isEmpty()) {
            return;
        }
        List<UUID> clientIds = new ArrayList<>();
        List<UUID> chatIds = new ArrayList<>();
        all.forEach(w -> {
            clientIds.add(w.clientId());
            chatIds.add(w.chatId());
        });
        Map<UUID, Integer> last = TenantScope.call(AllowedClients.ALL,
                () -> transactions.execute(tx -> chats.lastSeqs(clientIds, chatIds)));
        all.stream().filter(w -> last.getOrDefault(w.chatId(), 0) > w.after()).forEach(this::answer);
    }

    private void answer(Waiter waiter) {
        if (!waiter.result().hasResult()) {
            try {
                waiter.result().setResult(waiter.read().get());
            } catch (RuntimeException e) {
                waiter.result().setErrorResult(e);
            }
        }
        forget(waiter);
    }

    private void forget(Waiter waiter) {
        waiting.computeIfPresent(waiter.chatId(), (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
