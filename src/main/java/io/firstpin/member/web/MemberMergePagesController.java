package io.firstpin.member.web;

import io.firstpin.identity.Role;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.MergeSuggestions;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff review of possible duplicates: the merge suggestions with their reasons, merging one member into another,
 * dismissing a suggestion, and the latest merges with their undo. Community leaders and above.
 */
@Controller
@RequestMapping("/manage/{org}/members")
class MemberMergePagesController {

    static final int PAGE_SIZE = 25;
    static final int RECENT_MERGES = 20;

    private final Organizations organizations;
    private final MergeSuggestions suggestions;
    private final MemberMerges merges;

    MemberMergePagesController(Organizations organizations, MergeSuggestions suggestions, MemberMerges merges) {
        this.organizations = organizations;
        this.suggestions = suggestions;
        this.merges = merges;
    }

    @GetMapping("/merges")
    String review(@PathVariable String org, @RequestParam(defaultValue = "0") int page, Model model) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        model.addAttribute("org", organization);
        model.addAttribute("suggestions", suggestions.page(organization.id(), page, PAGE_SIZE));
        model.addAttribute("merges", merges.recent(organization.id(), 0, RECENT_MERGES));
        return "member/merges";
    }

    /** Merges member {@code from} into member {@code id}; back to where staff came from, with a readable refusal. */
    @PostMapping("/{id}/merges")
    String merge(@PathVariable String org, @PathVariable long id, @RequestParam long from,
            @RequestParam(defaultValue = "review") String back, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        try {
            merges.merge(organization.id(), id, from);
            redirect.addFlashAttribute("mergeDone", true);
        } catch (ConflictException e) {
            refuse(redirect, e.code(), e.args());
        } catch (InvalidInputException e) {
            refuse(redirect, e.problems().get(0).code(), e.problems().get(0).args());
        }
        return "member".equals(back) ? "redirect:/manage/" + organization.slug() + "/members/" + id
                : "redirect:/manage/" + organization.slug() + "/members/merges";
    }

    @PostMapping("/merges/{mergeId}/undo")
    String undo(@PathVariable String org, @PathVariable long mergeId, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        try {
            merges.undo(organization.id(), mergeId);
            redirect.addFlashAttribute("mergeUndone", true);
        } catch (ConflictException e) {
            refuse(redirect, e.code(), e.args());
        }
        return "redirect:/manage/" + organization.slug() + "/members/merges";
    }

    @PostMapping("/merges/dismissals")
    String dismiss(@PathVariable String org, @RequestParam long memberId, @RequestParam long otherMemberId,
            @RequestParam(defaultValue = "0") int page) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        suggestions.dismiss(organization.id(), memberId, otherMemberId);
        return "redirect:/manage/" + organization.slug() + "/members/merges?page=" + Math.max(0, page);
    }

    /** Why a merge or an undo was refused, as a message code the next page shows in its own language. */
    private static void refuse(RedirectAttributes redirect, String code, List<Object> args) {
        redirect.addFlashAttribute("mergeError", code);
        redirect.addFlashAttribute("mergeErrorArgs", args.toArray());
    }
}
