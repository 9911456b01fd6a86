package io.firstpin.member.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.member.Audiences;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.MemberActivityListing;
import io.firstpin.member.MemberPage;
import io.firstpin.member.Members;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/** Staff pages to find, register and edit an organization's members. Viewers read; community leaders change. */
@Controller
@RequestMapping("/manage/{org}/members")
class MemberPagesController {

    static final int PAGE_SIZE = 25;

    /** "n months" in the filters count back from today in Japan, where the organizations' communities meet. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final Organizations organizations;
    private final Members members;
    private final VisibleMembers visible;
    private final AccessGuard access;
    private final Audiences audiences;
    private final Clock clock;

    MemberPagesController(Organizations organizations, Members members, VisibleMembers visible, AccessGuard access,
            Audiences audiences, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
        this.audiences = audiences;
        this.members = members;
        this.visible = visible;
        this.access = access;
    }

    /**
     * The form is built through its constructor; binding then also walks {@code identities[3].kind} as a property path,
     * which fails on rows the browser no longer sends (a removed row leaves a gap), so those paths are skipped.
     */
    @InitBinder("memberForm")
    void skipGapsBetweenRows(WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
    }

    /**
     * The list, searched and filtered; an htmx request (live search, filters, paging) gets only the results fragment,
     * a history restore the whole page. A filter value that cannot be used is named in the results, not applied.
     */
    @GetMapping
    String list(@PathVariable String org, @ModelAttribute("filters") MemberListQuery query,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        List<MemberActivityListing.Scope> scopes = visible.listScopes(organization.id());
        List<String> steps = visible.listSteps();
        MemberListQuery.Checked checked = query.check(LocalDate.now(clock.withZone(ZONE)),
                scopes.stream().map(MemberActivityListing.Scope::slug).toList(), steps);
        String path = "/manage/" + organization.slug() + "/members";
        model.addAttribute("org", organization);
        model.addAttribute("q", query.text());
        model.addAttribute("scopes", scopes);
        model.addAttribute("steps", steps);
        model.addAttribute("problems", checked.problems());
        model.addAttribute("canEdit", canEdit(organization));
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        response.addHeader("Vary", "HX-Request");
        if (checked.problems().isEmpty()) {
            MemberPage results = visible.list(organization.id(), query.text(), checked.filter(), query.pageIndex(),
                    PAGE_SIZE);
            model.addAttribute("results", results);
            model.addAttribute("previousLink", query.link(path, results.page() - 1));
            model.addAttribute("nextLink", query.link(path, results.page() + 1));
        } else if (!fragment) {
            // htmx swaps in only a successful answer, so the live list gets its messages with 200
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return fragment ? "member/list :: results" : "member/list";
    }

    @GetMapping("/new")
    String newMember(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        model.addAttribute("memberForm", MemberForm.blank());
        return form(organization, null, model);
    }

    @PostMapping
    String create(@PathVariable String org, @Valid @ModelAttribute("memberForm") MemberForm form,
            BindingResult binding, Model model) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        if (!binding.hasErrors()) {
            try {
                Member member = members.register(organization.id(), form.displayName(), form.staff(),
                        form.identityInputs());
                return "redirect:/manage/" + organization.slug() + "/members/" + member.id();
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, form.onRows(e));
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(organization, null, model);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("member", visible.open(organization.id(), id, Role.VIEWER));
        model.addAttribute("reach", audiences.reachOf(organization.id(), id));
        model.addAttribute("canEdit", canEdit(organization));
        model.addAttribute("canAdmin", access.roleIn(organization.id())
                .map(role -> role.includes(Role.ORGANIZATION_ADMIN)).orElse(false));
        return "member/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Member member = visible.open(organization.id(), id, Role.COMMUNITY_LEADER);
        model.addAttribute("memberForm", MemberForm.of(member));
        return form(organization, member, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable String org, @PathVariable long id, @Valid @ModelAttribute("memberForm") MemberForm form,
            BindingResult binding, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Member member = visible.open(organization.id(), id, Role.COMMUNITY_LEADER);
        if (!binding.hasErrors()) {
            try {
                members.update(organization.id(), id, form.displayName(), form.staff(), form.identityInputs());
                return "redirect:/manage/" + organization.slug() + "/members/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, form.onRows(e));
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(organization, member, model);
    }

    private String form(Organization organization, Member member, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("member", member);
        model.addAttribute("kinds", IdentityKind.values());
        return "member/form";
    }

    private boolean canEdit(Organization organization) {
        return access.roleIn(organization.id()).map(role -> role.includes(Role.COMMUNITY_LEADER)).orElse(false);
    }
}
