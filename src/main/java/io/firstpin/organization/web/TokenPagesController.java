package io.firstpin.organization.web;

import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.CommunityTree;
import io.firstpin.identity.Role;
import io.firstpin.identity.TokenTerms;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's API tokens: each with its name, role (a viewer's token is read-only), community, expiry and last
 * use; issuing one shows its secret once, and any can be revoked. Organization admins of all of it only.
 */
@Controller
@RequestMapping("/manage/{org}/tokens")
class TokenPagesController {

    /** Expiry days are the organization's days in Japan: a token issued "until 31 March" works through that day. */
    private static final ZoneId EXPIRY_ZONE = ZoneId.of("Asia/Tokyo");

    private final Organizations organizations;
    private final ApiTokens tokens;
    private final ObjectProvider<CommunityTree> communities;

    TokenPagesController(Organizations organizations, ApiTokens tokens, ObjectProvider<CommunityTree> communities) {
        this.organizations = organizations;
        this.tokens = tokens;
        this.communities = communities;
    }

    @GetMapping
    String tokens(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm("", Role.ORGANIZATION_ADMIN, null, null));
        }
        return page(organization, model);
    }

    @PostMapping
    String issue(@PathVariable String org, @Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (form.community() != null && !communityNames(organization).containsKey(form.community())) {
            binding.rejectValue("community", "grant.community.unknown");
        }
        if (binding.hasErrors()) {
            return page(organization, model);
        }
        try {
            ApiTokens.IssuedToken issued = tokens.issue(organization.id(), form.terms());
            redirect.addFlashAttribute("issuedToken", issued.token());
            redirect.addFlashAttribute("issuedName", issued.name());
            return "redirect:/manage/" + org + "/tokens";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e, Map.of("expiresAt", "expiresOn"));
            return page(organization, model);
        }
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable String org, @PathVariable long tokenId) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        tokens.revoke(organization.id(), tokenId);
        return "redirect:/manage/" + org + "/tokens";
    }

    private String page(Organization organization, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("tokens", tokens.listForOrganization(organization.id()));
        model.addAttribute("communities", communityNames(organization));
        model.addAttribute("roles", Role.values());
        return "organization/tokens";
    }

    private Map<Long, String> communityNames(Organization organization) {
        CommunityTree tree = communities.getIfAvailable();
        return tree == null ? Map.of() : tree.names(organization.id());
    }

    /** {@code community} null: the whole organization; {@code expiresOn} null: until revoked. */
    record TokenForm(@NotBlank @Size(max = 100) String name, @NotNull Role role, Long community,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {

        TokenTerms terms() {
            return new TokenTerms(name, role, community,
                    expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(EXPIRY_ZONE).toInstant());
        }
    }
}
