package io.firstpin.identity.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Passkeys;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Removing one of one's own passkeys from the account page; adding one is Spring Security's WebAuthn ceremony. */
@Controller
class PasskeyPagesController {

    private final Passkeys passkeys;
    private final AccessGuard access;

    PasskeyPagesController(Passkeys passkeys, AccessGuard access) {
        this.passkeys = passkeys;
        this.access = access;
    }

    @PostMapping("/manage/account/passkeys/remove")
    String remove(@RequestParam(defaultValue = "") String id, RedirectAttributes redirect) {
        if (!(access.current() instanceof Actor.Staff staff)) {
            throw new NotFoundException("no account page for this caller");
        }
        try {
            passkeys.remove(staff.accountId(), id);
            redirect.addFlashAttribute("passkeyRemoved", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("passkeyProblem", e.code());
        }
        return "redirect:/manage/account";
    }
}
