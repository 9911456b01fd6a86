package io.firstpin.identity.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.TwoFactor;
import io.firstpin.identity.internal.SecondFactorSignIn;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The code step of signing in, and setting up or turning off an authenticator app on one's own account. */
@Controller
class SecondFactorController {

    private final SecondFactorSignIn signIn;
    private final TwoFactor twoFactor;
    private final AccessGuard access;

    SecondFactorController(SecondFactorSignIn signIn, TwoFactor twoFactor, AccessGuard access) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.access = access;
    }

    @GetMapping("/login/code")
    String codePage(HttpSession session) {
        if (!signIn.pending(session)) {
            return "redirect:/login";
        }
        return "identity/login-code";
    }

    @PostMapping("/login/code")
    String code(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
        if (!signIn.pending(session)) {
            return "redirect:/login";
        }
        switch (signIn.check(session, code)) {
            case SIGNED_IN:
                return "redirect:/manage";
            case LOCKED:
                session.invalidate();
                return "redirect:/login?locked";
            default:
                model.addAttribute("wrong", true);
                return "identity/login-code";
        }
    }

    @GetMapping("/manage/account/two-factor")
    String page(Model model) {
        long accountId = signedIn().accountId();
        model.addAttribute("enabled", twoFactor.enabled(accountId));
        model.addAttribute("required", twoFactor.requiredFor(accountId));
        return "identity/two-factor";
    }

    @PostMapping("/manage/account/two-factor/start")
    String start(Model model) {
        long accountId = signedIn().accountId();
        TwoFactor.Enrollment enrollment = twoFactor.start(accountId);
        model.addAttribute("enrollment", enrollment);
        model.addAttribute("enabled", false);
        model.addAttribute("required", twoFactor.requiredFor(accountId));
        return "identity/two-factor";
    }

    @PostMapping("/manage/account/two-factor/confirm")
    String confirm(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
            RedirectAttributes redirect) {
        long accountId = signedIn().accountId();
        try {
            twoFactor.confirm(accountId, code);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("enabled", false);
            model.addAttribute("required", twoFactor.requiredFor(accountId));
            model.addAttribute("problem", e instanceof InvalidInputException invalid
                    ? invalid.problems().get(0).code() : ((ConflictException) e).code());
            return "identity/two-factor";
        }
        signIn.enrolled(session);
        redirect.addFlashAttribute("twoFactorEnabled", true);
        return "redirect:/manage/account/two-factor";
    }

    @PostMapping("/manage/account/two-factor/disable")
    String disable(@RequestParam(defaultValue = "") String currentPassword, Model model) {
        long accountId = signedIn().accountId();
        try {
            twoFactor.disable(accountId, currentPassword);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("enabled", true);
            model.addAttribute("required", twoFactor.requiredFor(accountId));
            model.addAttribute("problem", e instanceof InvalidInputException invalid
                    ? invalid.problems().get(0).code() : ((ConflictException) e).code());
            return "identity/two-factor";
        }
        return "redirect:/manage/account/two-factor";
    }

    private Actor.Staff signedIn() {
        if (access.current() instanceof Actor.Staff staff) {
            return staff;
        }
        throw new NotFoundException("no account page for this caller");
    }
}
