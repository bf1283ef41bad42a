package org.openbpo.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.openbpo.support.ChatMessage;
import org.openbpo.support.ChatSession;
import org.openbpo.support.ChatView;
import org.openbpo.support.LiveChats;
import org.openbpo.support.SayInChat;
import org.openbpo.support.StartChat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.UUID;

/**
 * What the chat widget on a client's web site talks to: open a chat, say something, wait for the
 * next lines (long polling), leave. The customer proves the chat is theirs with its token.
 */
@RestController
@RequestMapping("/forms/{clientCode}/chat/sessions")
class ChatWidgetEndpoints {

    static final String TOKEN = "X-Chat-Token";

    private final LiveChats chats;

    ChatWidgetEndpoints(LiveChats chats) {
        this.chats = chats;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChatSession start(@PathVariable String clientCode, @Valid @RequestBody StartChat command, HttpServletRequest http) {
        return chats.start(clientCode, command, http.getRemoteAddr());
    }

    @PostMapping("/{chatId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    ChatMessage say(@PathVariable String clientCode, @PathVariable UUID chatId, @RequestHeader(TOKEN) String token,
                    @Valid @RequestBody SayInChat line) {
        return chats.say(clientCode, chatId, token, line);
    }

    @GetMapping("/{chatId}/messages")
    DeferredResult<ChatView> poll(@PathVariable String clientCode, @PathVariable UUID chatId, @RequestHeader(TOKEN) String token,
                                  @RequestParam(defaultValue = "0") int after) {
        return chats.poll(clientCode, chatId, token, Math.max(0, after));
    }

    @PostMapping("/{chatId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable String clientCode, @PathVariable UUID chatId, @RequestHeader(TOKEN) String token) {
        chats.leave(clientCode, chatId, token);
    }
}
