package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.support.Chat;
import org.openbpo.support.ChatMessage;
import org.openbpo.support.LiveChats;
import org.openbpo.support.SayInChat;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Live chat", description = "Agents answer the chats customers open on the client's web site")
class ChatApi {

    private final LiveChats chats;

    ChatApi(LiveChats chats) {
        this.chats = chats;
    }

    @GetMapping("/api/v1/support/waiting-chats")
    @Operation(summary = "Chats waiting for an agent, of every client the caller serves, the longest-waiting first")
    List<Chat> waiting(@AuthenticationPrincipal CurrentUser user) {
        return chats.waiting(user, 100);
    }

    @GetMapping("/api/v1/clients/{clientId}/support/chats")
    @Operation(summary = "The client's chats, newest first")
    List<Chat> list(@PathVariable UUID clientId, @RequestParam(required = false) Chat.@Nullable Status status,
                    @AuthenticationPrincipal CurrentUser user) {
        return chats.of(clientId, status, user);
    }

    @GetMapping("/api/v1/clients/{clientId}/support/chats/{chatId}")
    Chat get(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user) {
        return chats.get(clientId, chatId, user);
    }

    @GetMapping("/api/v1/clients/{clientId}/support/chats/{chatId}/messages")
    List<ChatMessage> transcript(@PathVariable UUID clientId, @PathVariable UUID chatId, @RequestParam(defaultValue = "0") int after,
                                 @AuthenticationPrincipal CurrentUser user) {
        return chats.transcript(clientId, chatId, after, user);
    }

    @PostMapping("/api/v1/clients/{clientId}/support/chats/{chatId}/take")
    @Operation(summary = "Answer a waiting chat: it and its ticket become the caller's")
    Chat take(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user) {
        return chats.take(clientId, chatId, user);
    }

    @PostMapping("/api/v1/clients/{clientId}/support/chats/{chatId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    ChatMessage answer(@PathVariable UUID clientId, @PathVariable UUID chatId, @Valid @RequestBody SayInChat line,
                       @AuthenticationPrincipal CurrentUser user) {
        return chats.answer(clientId, chatId, line, user);
    }

    @PostMapping("/api/v1/clients/{clientId}/support/chats/{chatId}/end")
    @Operation(summary = "End the chat; its transcript goes onto the ticket")
    Chat end(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user) {
        return chats.close(clientId, chatId, user);
    }
}
