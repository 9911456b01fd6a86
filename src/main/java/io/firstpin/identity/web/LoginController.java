package io.firstpin.identity.web;

import io.firstpin.identity.LoginHint;
import io.firstpin.identity.SignInAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<LoginHint.Source> hints;

    LoginController(ObjectProvider<LoginHint.Source> hints) {
        this.hints = hints;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request) {
        boolean loopback = SignInAddresses.loopback(request.getRemoteAddr());
        model.addAttribute("demoLogin", hints.orderedStream().flatMap(source -> source.hint(loopback).stream())
                .findFirst().orElse(null));
        return "identity/login";
    }
}
