package io.firstpin.organization.web;

import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** An organization's settings: the ways to its staff, API tokens and audit log; organization admins only. */
@Controller
@RequestMapping("/manage/{org}/settings")
class SettingsController {

    private final Organizations organizations;

    SettingsController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    String settings(@PathVariable String org, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        model.addAttribute("org", organization);
        return "organization/settings";
    }
}
