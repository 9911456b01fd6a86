package io.firstpin.mypage.web;

import io.firstpin.mypage.ErasureRequests;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member erasing themselves from their page: the request (which emails a confirmation link), the link's page with
 * one button (mail scanners follow links), and the page after.
 */
@Controller
class ErasurePages {

    private final ErasureRequests requests;
    private final Organizations organizations;

    ErasurePages(ErasureRequests requests, Organizations organizations) {
        this.requests = requests;
        this.organizations = organizations;
    }

    @PostMapping("/my/{org}/erasure")
    String request(@AuthenticationPrincipal SignedInMember me, RedirectAttributes redirect, Locale locale) {
        requests.request(me, locale);
        redirect.addFlashAttribute("erasureRequested", true);
        return "redirect:/my/" + me.organizationSlug();
    }

    @GetMapping("/my/{org}/sign-in/erase")
    String confirmPage(@PathVariable String org, @RequestParam(required = false) String token, Model model) {
        model.addAttribute("organization", organization(org));
        model.addAttribute("token", token);
        return "mypage/erase";
    }

    @PostMapping("/my/{org}/sign-in/erase")
    String confirm(@PathVariable String org, @RequestParam String token, HttpServletRequest request,
            Model model) {
        Organization organization = organization(org);
        if (requests.confirm(token).isEmpty()) {
            model.addAttribute("organization", organization);
            model.addAttribute("unknownLink", true);
            return "mypage/erase";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInMember.SESSION_KEY);
        }
        return "redirect:/my/" + organization.slug() + "/erased";
    }

    @GetMapping("/my/{org}/erased")
    String erased(@PathVariable String org, Model model) {
        model.addAttribute("organization", organization(org));
        return "mypage/erased";
    }

    private Organization organization(String slug) {
        return organizations.findBySlug(slug).orElseThrow(() -> NotFoundException.of("organization", slug));
    }
}
