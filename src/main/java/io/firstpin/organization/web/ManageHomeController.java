package io.firstpin.organization.web;

import io.firstpin.identity.AccessGuard;
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
import org.springframework.web.bind.annotation.PostMapping;

/** The staff landing page (pick an organization) and the instance admin's page to found organizations. */
@Controller
class ManageHomeController {

    private final Organizations organizations;
    private final AccessGuard access;

    ManageHomeController(Organizations organizations, AccessGuard access) {
        this.organizations = organizations;
        this.access = access;
    }

    @GetMapping("/manage")
    String home(Model model) {
        List<Organization> visible = organizations.visibleToCaller();
        if (visible.size() == 1 && !access.isInstanceAdmin()) {
            return "redirect:/manage/" + visible.get(0).slug();
        }
        model.addAttribute("organizations", visible);
        return "organization/home";
    }

    @GetMapping("/admin/organizations")
    String organizationsPage(Model model) {
        model.addAttribute("organizations", organizations.visibleToCaller());
        model.addAttribute("form", new OrganizationForm("", ""));
        return "organization/admin";
    }

    @PostMapping("/admin/organizations")
    String found(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model) {
        if (!binding.hasErrors()) {
            try {
                Organization organization = organizations.found(Slug.parse("slug", form.slug()), form.name());
                return "redirect:/manage/" + organization.slug() + "/settings";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e);
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("organizations", organizations.visibleToCaller());
        return "organization/admin";
    }

    record OrganizationForm(@NotBlank @Size(max = 64) String slug, @NotBlank @Size(max = 200) String name) {
    }
}
