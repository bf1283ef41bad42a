package org.openbpo.web.ui;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.support.Chat;
import org.openbpo.support.LiveChats;
import org.openbpo.support.SayInChat;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The agents' chat desk: the chats waiting for an answer, the longest-waiting first, and the
 * console of a chat they took. Chats come before get-next because a customer sits at the other end.
 */
@Controller
class ChatDeskPages {

    private final LiveChats chats;

    ChatDeskPages(LiveChats chats) {
        this.chats = chats;
    }

    @GetMapping("/support/chats")
    String waiting(@AuthenticationPrincipal CurrentUser user, Model model) {
        AgentWorkspacePages.requireStaff(user);
        model.addAttribute("waiting", chats.waiting(user, 50));
        return "support/chats";
    }

    @GetMapping("/support/chats/waiting")
    String waitingList(@AuthenticationPrincipal CurrentUser user, Model model) {
        AgentWorkspacePages.requireStaff(user);
        model.addAttribute("waiting", chats.waiting(user, 50));
        return "support/chats :: waiting";
    }

    @PostMapping("/support/chats/{clientId}/{chatId}/take")
    String take(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes flash) {
        try {
            chats.take(clientId, chatId, user);
        } catch (BusinessRuleViolation e) {
            if (e.status() == 404) {
                throw e;
            }
            flash.addFlashAttribute("notice", e.getMessage());
            return "redirect:/support/chats";
        }
        return "redirect:/support/chats/" + clientId + "/" + chatId;
    }

    @GetMapping("/support/chats/{clientId}/{chatId}")
    String console(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Chat chat = chats.get(clientId, chatId, user);
        model.addAttribute("chat", chat);
        model.addAttribute("lines", chats.transcript(clientId, chatId, 0, user));
        model.addAttribute("mine", user.id().equals(chat.agentId()) && chat.status() == Chat.Status.ACTIVE);
        return "support/chat-desk";
    }

    @GetMapping("/support/chats/{clientId}/{chatId}/lines")
    String lines(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("chat", chats.get(clientId, chatId, user));
        model.addAttribute("lines", chats.transcript(clientId, chatId, 0, user));
        return "support/chat-desk :: lines";
    }

    @PostMapping("/support/chats/{clientId}/{chatId}/messages")
    String answer(@PathVariable UUID clientId, @PathVariable UUID chatId, @RequestParam String body,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        if (body.isBlank() || body.length() > 2_000) {
            flash.addFlashAttribute("notice", "Write a message of up to 2,000 characters.");
        } else {
            chats.answer(clientId, chatId, new SayInChat(body), user);
        }
        return "redirect:/support/chats/" + clientId + "/" + chatId;
    }

    @PostMapping("/support/chats/{clientId}/{chatId}/end")
    String end(@PathVariable UUID clientId, @PathVariable UUID chatId, @AuthenticationPrincipal CurrentUser user) {
        Chat chat = chats.close(clientId, chatId, user);
        return "redirect:/work/" + clientId + "/" + chat.itemId();
    }
}
