package io.firstpin.community.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Reach;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import io.firstpin.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Staff pages: the organization's communities as a tree, and the form to start or describe one. */
@Controller
@RequestMapping("/manage/{org}")
class CommunityPagesController {

    private static final List<String> TIME_ZONES = List.of("Asia/Tokyo", "Asia/Seoul", "Asia/Taipei", "Asia/Shanghai",
            "Asia/Singapore", "Asia/Kolkata", "Australia/Sydney", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Chicago", "America/Los_Angeles", "UTC");

    private final Organizations organizations;
    private final Communities communities;
    private final AccessGuard access;

    CommunityPagesController(Organizations organizations, Communities communities, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.access = access;
    }

    @GetMapping
    String overview(@PathVariable String org, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Reach reach = access.reachIn(organization.id()).orElseThrow();
        model.addAttribute("org", organization);
        model.addAttribute("tree", communities.tree(organization.id()).stream()
                .filter(placed -> reach.covers(placed.community().id()))
                .toList());
        return "community/overview";
    }

    @GetMapping("/communities/new")
    String newCommunity(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        model.addAttribute("form", new CommunityForm("", "", "", "", "Asia/Tokyo", ""));
        return form(organization, null, model);
    }

    @PostMapping("/communities")
    String start(@PathVariable String org, @Valid @ModelAttribute("form") CommunityForm form, BindingResult binding,
            Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (!binding.hasErrors()) {
            try {
                Community community = communities.start(organization.id(), Slug.parse("slug", form.slug()),
                        form.profile(), form.parent());
                return "redirect:/manage/" + org + "/communities/" + community.slug() + "/events";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e);
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(organization, null, model);
    }

    @GetMapping("/communities/{slug}/edit")
    String edit(@PathVariable String org, @PathVariable String slug, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.requireLeader(organization.id(), community.id(), "community " + slug);
        model.addAttribute("form", new CommunityForm(community.slug(), community.name(), community.hashtagText(),
                community.interestAxis(), community.timeZoneId(), parentSlug(organization, community)));
        return form(organization, community, model);
    }

    private String parentSlug(Organization organization, Community community) {
        return community.parentId() == null ? ""
                : communities.inOrganization(organization.id(), community.parentId()).slug();
    }

    @PostMapping("/communities/{slug}")
    String describe(@PathVariable String org, @PathVariable String slug,
            @Valid @ModelAttribute("form") CommunityForm form, BindingResult binding, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.requireLeader(organization.id(), community.id(), "community " + slug);
        if (!parentSlug(organization, community).equals(form.parent() == null ? "" : form.parent().strip())) {
            // where a community branches decides who reaches it: an organization-wide role moves it
            access.requireLeader(organization.id(), "community " + slug);
        }
        if (!binding.hasErrors()) {
            try {
                communities.describe(organization.id(), slug, form.profile(), form.parent());
                return "redirect:/manage/" + org + "/communities/" + slug + "/events";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(organization, community, model);
    }

    private String form(Organization organization, Community editing, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("editing", editing);
        model.addAttribute("parents", communities.list(organization.id()).stream()
                .filter(c -> editing == null || !c.id().equals(editing.id()))
                .toList());
        model.addAttribute("timeZones", TIME_ZONES);
        return "community/form";
    }

    record CommunityForm(@Size(max = 64) String slug, @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String hashtag, @Size(max = 1000) String interestAxis, @Size(max = 64) String timeZone,
            @Size(max = 64) String parent) {

        CommunityProfile profile() {
            return CommunityProfile.of(name, hashtag, interestAxis, timeZone);
        }
    }
}
