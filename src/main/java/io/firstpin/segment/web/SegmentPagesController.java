package io.firstpin.segment.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Reach;
import io.firstpin.identity.Role;
import io.firstpin.insight.Quadrant;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.FormErrors;
import io.firstpin.segment.MemberSegment;
import io.firstpin.segment.OutputFilter;
import io.firstpin.segment.SegmentCriteria;
import io.firstpin.segment.SegmentMembers;
import io.firstpin.segment.SegmentMessages;
import io.firstpin.segment.Segments;
import io.firstpin.segment.TalkFilter;
import io.firstpin.segment.VisibleSegments;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Staff pages of segments: the list, the form with a live preview (htmx, the same template's fragment), a segment
 * with its members, and email to them in two steps (write, then confirm with the number of recipients). Viewers read;
 * community leaders change and send.
 */
@Controller
@RequestMapping("/manage/{org}/segments")
class SegmentPagesController {

    static final int PREVIEW_SIZE = 20;

    private final Organizations organizations;
    private final Communities communities;
    private final Segments segments;
    private final SegmentMessages messages;
    private final AccessGuard access;
    private final VisibleSegments visibleSegments;

    SegmentPagesController(Organizations organizations, Communities communities, Segments segments,
            SegmentMessages messages, AccessGuard access, VisibleSegments visibleSegments) {
        this.organizations = organizations;
        this.communities = communities;
        this.segments = segments;
        this.messages = messages;
        this.access = access;
        this.visibleSegments = visibleSegments;
    }

    @GetMapping
    String list(@PathVariable String org, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("segments", visibleSegments.list(organization.id()));
        model.addAttribute("communityNames", names(organization));
        model.addAttribute("canEdit", canEdit(organization));
        return "segment/list";
    }

    @GetMapping("/new")
    String newSegment(@PathVariable String org, @RequestParam(required = false) String community, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Reach reach = access.reachIn(organization.id()).orElseThrow();
        List<Community> all = communities.list(organization.id()).stream().filter(c -> reach.covers(c.id())).toList();
        model.addAttribute("segmentForm", SegmentForm.blank(community != null ? community
                : all.isEmpty() ? "" : all.get(0).slug()));
        return form(organization, null, model);
    }

    @PostMapping
    String create(@PathVariable String org, @ModelAttribute("segmentForm") SegmentForm form, BindingResult binding,
            Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        try {
            visibleSegments.requireChoice(organization.id(), form.community(), Role.COMMUNITY_LEADER);
            MemberSegment created = segments.create(organization.id(), form.community(), form.branches(),
                    form.name(), checked(form));
            return "redirect:/manage/" + organization.slug() + "/segments/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(organization, null, model);
    }

    /** The count and first members the form's criteria would pick: a fragment of the form page, for htmx. */
    @PostMapping("/preview")
    String preview(@PathVariable String org, @ModelAttribute("segmentForm") SegmentForm form, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        model.addAttribute("org", organization);
        try {
            visibleSegments.requireChoice(organization.id(), form.community(), Role.COMMUNITY_LEADER);
            model.addAttribute("found", segments.preview(organization.id(), form.community(), form.branches(),
                    form.criteria()));
        } catch (InvalidInputException e) {
            model.addAttribute("previewProblem", true);
        }
        model.addAttribute("previewSize", PREVIEW_SIZE);
        return "segment/form :: preview";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleSegments.open(organization.id(), id, Role.VIEWER);
        SegmentMembers found = segments.members(organization.id(), id);
        model.addAttribute("org", organization);
        model.addAttribute("segment", found.segment());
        model.addAttribute("found", found);
        model.addAttribute("previewSize", PREVIEW_SIZE);
        model.addAttribute("sentMessages", messages.history(organization.id(), id));
        model.addAttribute("canEdit", canEdit(organization));
        return "segment/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleSegments.open(organization.id(), id, Role.COMMUNITY_LEADER);
        MemberSegment segment = segments.get(organization.id(), id);
        model.addAttribute("segmentForm", SegmentForm.of(segment,
                communities.inOrganization(organization.id(), segment.communityId()).slug()));
        return form(organization, segment, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable String org, @PathVariable long id, @ModelAttribute("segmentForm") SegmentForm form,
            BindingResult binding, Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleSegments.open(organization.id(), id, Role.COMMUNITY_LEADER);
        MemberSegment segment = segments.get(organization.id(), id);
        try {
            visibleSegments.requireChoice(organization.id(), form.community(), Role.COMMUNITY_LEADER);
            segments.update(organization.id(), id, form.community(), form.branches(), form.name(), checked(form));
            return "redirect:/manage/" + organization.slug() + "/segments/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(organization, segment, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleSegments.open(organization.id(), id, Role.COMMUNITY_LEADER);
        segments.delete(organization.id(), id);
        return "redirect:/manage/" + organization.slug() + "/segments";
    }

    @GetMapping("/{id}/email")
    String compose(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleSegments.open(organization.id(), id, Role.COMMUNITY_LEADER);
        model.addAttribute("emailForm", SegmentEmailForm.blank());
        return email(organization, id, false, model);
    }

    /** The confirmation step: the checked message and how many it will reach; nothing is sent yet. */
    @PostMapping("/{id}/email")
    String confirm(@PathVariable String org, @PathVariable long id,
            @ModelAttribute("emailForm") SegmentEmailForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleSegments.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            SegmentMessages.Draft draft = SegmentMessages.Draft.of(form.subject(), form.body());
            model.addAttribute("emailForm", new SegmentEmailForm(draft.subject(), draft.body()));
            return email(organization, id, true, model);
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return email(organization, id, false, model);
        }
    }

    @PostMapping("/{id}/email/send")
    String send(@PathVariable String org, @PathVariable long id, @ModelAttribute("emailForm") SegmentEmailForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleSegments.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            SegmentMessages.Sent sent = messages.send(organization.id(), id, form.subject(), form.body(),
                    staffEmail(), LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("sent", sent);
            return "redirect:/manage/" + organization.slug() + "/segments/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return email(organization, id, false, model);
        }
    }

    private static SegmentCriteria checked(SegmentForm form) {
        return MemberSegment.check(form.name(), form::criteria);
    }

    private String form(Organization organization, MemberSegment segment, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("segment", segment);
        Reach reach = access.reachIn(organization.id()).orElseThrow();
        model.addAttribute("communities", communities.tree(organization.id()).stream()
                .filter(placed -> reach.covers(placed.community().id()))
                .toList());
        model.addAttribute("quadrants", Quadrant.values());
        model.addAttribute("outputFilters", OutputFilter.values());
        model.addAttribute("talkFilters", TalkFilter.values());
        return "segment/form";
    }

    private String email(Organization organization, long id, boolean confirming, Model model) {
        SegmentMembers found = segments.members(organization.id(), id);
        model.addAttribute("org", organization);
        model.addAttribute("segment", found.segment());
        model.addAttribute("found", found);
        model.addAttribute("confirming", confirming);
        return "segment/email";
    }

    private Map<Long, String> names(Organization organization) {
        return communities.list(organization.id()).stream()
                .collect(Collectors.toMap(Community::id, Community::name, (a, b) -> a));
    }

    private boolean canEdit(Organization organization) {
        return access.roleIn(organization.id()).map(role -> role.includes(Role.COMMUNITY_LEADER)).orElse(false);
    }

    private String staffEmail() {
        return access.current() instanceof Actor.Staff staff ? staff.email() : "staff";
    }
}
