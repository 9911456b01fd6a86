package io.firstpin.organization.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Reach;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organizations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Tells the staff pages' navigation what the caller reaches in the organization of the address, so that it offers no
 * link the caller's role would answer with a 403 (a community leader sees no organization-wide overview, only admins
 * of the whole organization see its settings).
 */
@ControllerAdvice(annotations = Controller.class)
class ManageNavigation {

    private final Organizations organizations;
    private final AccessGuard access;

    ManageNavigation(Organizations organizations, AccessGuard access) {
        this.organizations = organizations;
        this.access = access;
    }

    @ModelAttribute("manageNav")
    NavAccess manageNav(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/manage/")
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path)
                || !(path.get("org") instanceof String slug)) {
            return null;
        }
        return organizations.findBySlug(slug).flatMap(o -> access.reachIn(o.id())).map(NavAccess::of).orElse(null);
    }

    /** What the navigation may link to. */
    record NavAccess(boolean wholeOrganization, boolean admin) {

        static NavAccess of(Reach reach) {
            return new NavAccess(reach.wholeOrganization(),
                    reach.wholeOrganization() && reach.role() == Role.ORGANIZATION_ADMIN);
        }
    }
}
