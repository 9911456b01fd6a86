package io.firstpin.identity.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Invitations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The invitee's side of an invitation. Without an account, the link's page asks for a name and a password of the
 * invitee's own choosing; with one, it sends them to sign in ({@code /manage/invitations/...} needs a sign-in, after
 * which the browser comes back) and accept there.
 */
@Controller
class InvitationPagesController {

    private final Invitations invitations;
    private final AccessGuard access;

    InvitationPagesController(Invitations invitations, AccessGuard access) {
        this.invitations = invitations;
        this.access = access;
    }

    @GetMapping("/invitations/{secret}")
    String open(@PathVariable String secret, Model model) {
        Invitations.Opened opened = invitations.open(secret);
        model.addAttribute("invitation", opened.invitation());
        model.addAttribute("secret", secret);
        if (opened.accountExists()) {
            return "identity/invitation-sign-in";
        }
        model.addAttribute("form", new NewAccountForm("", "", ""));
        return "identity/invitation";
    }

    @PostMapping("/invitations/{secret}")
    String acceptWithNewAccount(@PathVariable String secret, @Valid @ModelAttribute("form") NewAccountForm form,
            BindingResult binding, Model model) {
        Invitations.Opened opened = invitations.open(secret);
        if (form.password() != null && !form.password().equals(form.passwordAgain())) {
            binding.rejectValue("passwordAgain", "password.mismatch");
        }
        if (!binding.hasErrors()) {
            try {
                invitations.acceptWithNewAccount(secret, form.displayName(), form.password());
                return "redirect:/login?welcome";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e);
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("invitation", opened.invitation());
        model.addAttribute("secret", secret);
        return "identity/invitation";
    }

    @GetMapping("/manage/invitations/{secret}")
    String acceptPage(@PathVariable String secret, Model model) {
        Invitations.Opened opened = invitations.open(secret);
        model.addAttribute("invitation", opened.invitation());
        model.addAttribute("secret", secret);
        model.addAttribute("forThisAccount", signedInAccount().email().equals(opened.invitation().email()));
        return "identity/invitation-accept";
    }

    @PostMapping("/manage/invitations/{secret}")
    String accept(@PathVariable String secret) {
        invitations.acceptAs(secret, signedInAccount().accountId());
        return "redirect:/manage";
    }

    private Actor.Staff signedInAccount() {
        if (access.current() instanceof Actor.Staff staff) {
            return staff;
        }
        throw new NotFoundException("invitation was not found");
    }

    record NewAccountForm(@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 200) String passwordAgain) {
    }
}
