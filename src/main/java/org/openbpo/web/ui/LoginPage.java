package org.openbpo.web.ui;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form; Spring Security itself checks the POST and stores why a login failed. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error,
                 @RequestParam(required = false) @Nullable String logout,
                 HttpSession session, Model model) {
        if (error != null) {
            Object reason = session.getAttribute("loginError");
            // shown once: a reload of the page should not repeat an old failure
            session.removeAttribute("loginError");
            model.addAttribute("loginError", reason != null ? reason : "Wrong email or password.");
        }
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
