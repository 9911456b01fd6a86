package io.firstpin.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

/**
 * A part of a page that htmx loads from the controller of the module owning its data, so that no page renders
 * another module's data behind its own controller's back. Opened without htmx (a browser without script, a link
 * followed) the part is shown inside the site's layout, never as a bare fragment.
 */
public final class PagePart {

    private PagePart() {
    }

    /** Whether htmx sent the request, to answer it with the part alone. */
    public static boolean fromHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The view for {@code fragment} (a template and fragment name, {@code "survey/member-answers :: answers"}). */
    public static String view(String fragment, HttpServletRequest request, Model model) {
        if (fromHtmx(request)) {
            return fragment;
        }
        model.addAttribute("part", fragment);
        model.addAttribute("standalone", true);
        return "fragments/part";
    }
}
