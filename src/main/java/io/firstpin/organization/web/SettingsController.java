package io.firstpin.organization.web;

import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's staff accounts and API tokens; organization admins only. */
@Controller
@RequestMapping("/manage/{org}/settings")
class SettingsController {

    private static final int MIN_PASSWORD = 10;

    private final Organizations organizations;
    private final StaffAccounts accounts;
    private final ApiTokens tokens;

    SettingsController(Organizations organizations, StaffAccounts accounts, ApiTokens tokens) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping
    String settings(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (!model.containsAttribute("accountForm")) {
            model.addAttribute("accountForm", new AccountForm("", "", "", Role.COMMUNITY_LEADER));
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(""));
        }
        return page(organization, model);
    }

    @PostMapping("/accounts")
    String addAccount(@PathVariable String org, @Valid @ModelAttribute("accountForm") AccountForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        boolean isNew = accounts.findByEmail(form.email() == null ? "" : form.email()).isEmpty();
        if (isNew && (form.password() == null || form.password().length() < MIN_PASSWORD)) {
            binding.rejectValue("password", "validation.password");
        }
        if (isNew && (form.displayName() == null || form.displayName().isBlank())) {
            binding.rejectValue("displayName", "validation.required");
        }
        if (!binding.hasErrors()) {
            try {
                accounts.openWithRole(form.email(), form.displayName(), form.password(), organization.id(), form.role());
                return "redirect:/manage/" + org + "/settings";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e);
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("tokenForm", new TokenForm(""));
        return page(organization, model);
    }

    @PostMapping("/accounts/{accountId}/remove")
    String removeAccount(@PathVariable String org, @PathVariable long accountId) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        accounts.revoke(accountId, organization.id());
        return "redirect:/manage/" + org + "/settings";
    }

    @PostMapping("/tokens")
    String issueToken(@PathVariable String org, @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (binding.hasErrors()) {
            model.addAttribute("accountForm", new AccountForm("", "", "", Role.COMMUNITY_LEADER));
            return page(organization, model);
        }
        ApiTokens.IssuedToken issued = tokens.issueForOrganization(organization.id(), form.name().strip());
        redirect.addFlashAttribute("issuedToken", issued.token());
        return "redirect:/manage/" + org + "/settings";
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable String org, @PathVariable long tokenId) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        tokens.revoke(organization.id(), tokenId);
        return "redirect:/manage/" + org + "/settings";
    }

    private String page(Organization organization, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("accounts", accounts.listInOrganization(organization.id()));
        model.addAttribute("tokens", tokens.listForOrganization(organization.id()));
        model.addAttribute("roles", Role.values());
        return "organization/settings";
    }

    record AccountForm(@NotBlank @Email @Size(max = 320) String email, @Size(max = 200) String displayName,
            @Size(max = 200) String password, @NotNull Role role) {
    }

    record TokenForm(@NotBlank @Size(max = 100) String name) {
    }
}
