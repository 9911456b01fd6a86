package io.firstpin.organization.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.CommunityTree;
import io.firstpin.identity.Invitations;
import io.firstpin.identity.Passwords;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.TwoFactor;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's staff: who holds which role and where (the whole organization or one community), the invitations still open, inviting someone, changing or removing
 * a role; organization admins only. Nobody's password is ever set here.
 */
@Controller
@RequestMapping("/manage/{org}/staff")
class StaffPagesController {

    private final Organizations organizations;
    private final StaffAccounts accounts;
    private final Invitations invitations;
    private final Passwords passwords;
    private final TwoFactor twoFactor;
    private final AccessGuard access;
    private final ObjectProvider<CommunityTree> communities;

    StaffPagesController(Organizations organizations, StaffAccounts accounts, Invitations invitations,
            Passwords passwords, TwoFactor twoFactor, AccessGuard access, ObjectProvider<CommunityTree> communities) {
        this.communities = communities;
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.organizations = organizations;
        this.accounts = accounts;
        this.invitations = invitations;
        this.access = access;
    }

    @GetMapping
    String staff(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute("inviteForm", new InviteForm("", Role.COMMUNITY_LEADER));
        }
        return page(organization, model);
    }

    /** The same answer whatever the email: no account, an account elsewhere, staff here already. */
    @PostMapping("/invitations")
    String invite(@PathVariable String org, @Valid @ModelAttribute("inviteForm") InviteForm form,
            BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (binding.hasErrors()) {
            return page(organization, model);
        }
        invitations.invite(organization.id(), organization.name(), form.email(), form.role(), actingAccountId(),
                locale);
        redirect.addFlashAttribute("invited", form.email().strip());
        return "redirect:/manage/" + org + "/staff";
    }

    @PostMapping("/invitations/{invitationId}/withdraw")
    String withdraw(@PathVariable String org, @PathVariable long invitationId) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        invitations.withdraw(organization.id(), invitationId);
        return "redirect:/manage/" + org + "/staff";
    }

    /**
     * Another role, and, when the form says where ({@code community}: empty for the whole organization, or a
     * community's id), another place where it holds; without {@code community} the place stays as it is.
     */
    @PostMapping("/{accountId}/role")
    String changeRole(@PathVariable String org, @PathVariable long accountId, @RequestParam Role role,
            @RequestParam(required = false) String community,
            @RequestParam(defaultValue = "false") boolean confirmSelf, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        try {
            if (community == null) {
                accounts.changeRole(organization.id(), accountId, role, actingAccountIdOrZero(), confirmSelf);
            } else {
                accounts.changeGrant(organization.id(), accountId, role, communityId(community),
                        actingAccountIdOrZero(), confirmSelf);
            }
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("refused", refused.code());
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).code());
        }
        return "redirect:/manage/" + org + "/staff";
    }

    private static Long communityId(String community) {
        if (community.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(community.strip());
        } catch (NumberFormatException notAnId) {
            throw InvalidInputException.of("community", "grant.community.unknown");
        }
    }

    @PostMapping("/{accountId}/remove")
    String remove(@PathVariable String org, @PathVariable long accountId,
            @RequestParam(defaultValue = "false") boolean confirmSelf, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        try {
            accounts.revoke(accountId, organization.id(), actingAccountIdOrZero(), confirmSelf);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("refused", refused.code());
        }
        return "redirect:/manage/" + org + "/staff";
    }

    /** The password stops working at once and its owner is emailed a link to choose a new one. */
    @PostMapping("/{accountId}/reset-password")
    String forceReset(@PathVariable String org, @PathVariable long accountId, RedirectAttributes redirect,
            Locale locale) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        passwords.forceReset(organization.id(), accountId, access.isInstanceAdmin(), locale);
        redirect.addFlashAttribute("resetForced", true);
        return "redirect:/manage/" + org + "/staff";
    }

    @PostMapping("/two-factor")
    String requireTwoFactor(@PathVariable String org, @RequestParam(defaultValue = "false") boolean required) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        twoFactor.requireForAdmins(organization.id(), required, actingAccountIdOrZero());
        return "redirect:/manage/" + org + "/staff";
    }

    private String page(Organization organization, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("accounts", accounts.listInOrganization(organization.id()));
        model.addAttribute("invitations", invitations.pending(organization.id()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("me", actingAccountIdOrZero());
        model.addAttribute("twoFactorRequired", twoFactor.requiredForAdminsOf(organization.id()));
        CommunityTree tree = communities.getIfAvailable();
        model.addAttribute("communities", tree == null ? Map.of() : tree.names(organization.id()));
        return "organization/staff";
    }

    private Long actingAccountId() {
        return access.current() instanceof Actor.Staff staff ? staff.accountId() : null;
    }

    /** An instance administrator's token or account acting here is never the account being changed. */
    private long actingAccountIdOrZero() {
        Long id = actingAccountId();
        return id == null ? 0 : id;
    }

    record InviteForm(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role) {
    }
}
