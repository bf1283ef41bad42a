package org.openbpo.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.shared.error.NotFound;
import org.openbpo.support.LiveChats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A client's chat page: the widget on a page of its own, and the line that puts it on the client's site. */
@Controller
class ChatPage {

    private final LiveChats chats;

    ChatPage(LiveChats chats) {
        this.chats = chats;
    }

    @GetMapping("/forms/{clientCode}/chat")
    String chat(@PathVariable String clientCode, Model model, HttpServletRequest request) {
        model.addAttribute("page", chats.page(clientCode));
        model.addAttribute("origin", ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        return "support/chat";
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView unavailable(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("support/unavailable");
    }
}
