package io.firstpin.organization.web;

import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's settings: API tokens, and the way to its staff page; organization admins only. */
@Controller
@RequestMapping("/manage/{org}/settings")
class SettingsController {

    private final Organizations organizations;
    private final ApiTokens tokens;

    SettingsController(Organizations organizations, ApiTokens tokens) {
        this.organizations = organizations;
        this.tokens = tokens;
    }

    @GetMapping
    String settings(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(""));
        }
        return page(organization, model);
    }

    @PostMapping("/tokens")
    String issueToken(@PathVariable String org, @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (binding.hasErrors()) {
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
        model.addAttribute("tokens", tokens.listForOrganization(organization.id()));
        return "organization/settings";
    }

    record TokenForm(@NotBlank @Size(max = 100) String name) {
    }
}
