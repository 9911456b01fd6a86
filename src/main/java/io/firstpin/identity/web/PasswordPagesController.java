package io.firstpin.identity.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Passkeys;
import io.firstpin.identity.Passwords;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot password" by an emailed link, and the signed-in owner's own password change. */
@Controller
class PasswordPagesController {

    private final Passwords passwords;
    private final AccessGuard access;
    private final Passkeys passkeys;

    PasswordPagesController(Passwords passwords, AccessGuard access, Passkeys passkeys) {
        this.passwords = passwords;
        this.access = access;
        this.passkeys = passkeys;
    }

    @GetMapping("/password-reset")
    String forgotPage(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "identity/password-forgot";
    }

    /** The same page whether or not an account has the email. */
    @PostMapping("/password-reset")
    String forgot(@Valid @ModelAttribute("form") ForgotForm form, BindingResult binding, Model model, Locale locale) {
        if (binding.hasErrors()) {
            return "identity/password-forgot";
        }
        passwords.requestReset(form.email(), locale);
        model.addAttribute("form", new ForgotForm(""));
        model.addAttribute("sent", true);
        return "identity/password-forgot";
    }

    @GetMapping("/password-reset/{secret}")
    String resetPage(@PathVariable String secret, Model model) {
        passwords.checkLink(secret);
        model.addAttribute("secret", secret);
        model.addAttribute("form", new NewPasswordForm("", ""));
        return "identity/password-reset";
    }

    @PostMapping("/password-reset/{secret}")
    String reset(@PathVariable String secret, @Valid @ModelAttribute("form") NewPasswordForm form,
            BindingResult binding, Model model) {
        passwords.checkLink(secret);
        if (!binding.hasErrors() && !form.newPassword().equals(form.newPasswordAgain())) {
            binding.rejectValue("newPasswordAgain", "password.mismatch");
        }
        if (!binding.hasErrors()) {
            try {
                passwords.reset(secret, form.newPassword());
                return "redirect:/login?reset";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("secret", secret);
        return "identity/password-reset";
    }

    @GetMapping("/manage/account")
    String accountPage(Model model) {
        model.addAttribute("passkeys", passkeys.of(signedIn().accountId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ChangeForm("", "", ""));
        }
        return "identity/account";
    }

    @PostMapping("/manage/account/password")
    String change(@Valid @ModelAttribute("form") ChangeForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Actor.Staff staff = signedIn();
        if (!binding.hasErrors() && !form.newPassword().equals(form.newPasswordAgain())) {
            binding.rejectValue("newPasswordAgain", "password.mismatch");
        }
        if (!binding.hasErrors()) {
            try {
                passwords.change(staff.accountId(), form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("changed", true);
                return "redirect:/manage/account";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of());
            }
        }
        model.addAttribute("passkeys", passkeys.of(staff.accountId()));
        return "identity/account";
    }

    private Actor.Staff signedIn() {
        if (access.current() instanceof Actor.Staff staff) {
            return staff;
        }
        throw new NotFoundException("no account page for this caller");
    }

    record ForgotForm(@NotBlank @Size(max = 320) String email) {
    }

    record NewPasswordForm(@NotBlank @Size(max = 200) String newPassword, @NotBlank @Size(max = 200) String newPasswordAgain) {
    }

    record ChangeForm(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword,
            @NotBlank @Size(max = 200) String newPasswordAgain) {
    }
}
