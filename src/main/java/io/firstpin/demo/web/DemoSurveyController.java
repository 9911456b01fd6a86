package io.firstpin.demo.web;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.demo.DemoSurveyLinks;
import io.firstpin.identity.Role;
import io.firstpin.identity.SignInAddresses;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Answer a survey as an attendee" for someone trying the demo on their own machine: opens the survey page through a
 * fresh private link of an attendee of a recent event. Only in the demo organization, only for a visitor on this
 * machine of an application whose base URL is local, as the login page's demo hint; anywhere else it is not there.
 */
@Controller
class DemoSurveyController {

    private final Organizations organizations;
    private final DemoSurveyLinks links;
    private final PublicUrls urls;

    DemoSurveyController(Organizations organizations, DemoSurveyLinks links, PublicUrls urls) {
        this.organizations = organizations;
        this.links = links;
        this.urls = urls;
    }

    @GetMapping("/manage/{org}/demo/survey")
    String survey(@PathVariable String org, HttpServletRequest request) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        if (!DemoDataGenerator.ORGANIZATION_SLUG.equals(organization.slug())
                || !SignInAddresses.loopback(request.getRemoteAddr())
                || !SignInAddresses.localBaseUrl(urls.base())) {
            throw NotFoundException.of("page", request.getRequestURI());
        }
        String token = links.issue(organization.id())
                .orElseThrow(() -> new ConflictException("survey", "demo.survey.none"));
        return "redirect:/r/" + token + "/survey";
    }
}
