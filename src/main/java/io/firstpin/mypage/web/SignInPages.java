package io.firstpin.mypage.web;

import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's sign-in to their page of an organization, without a password: their address, then the six-digit code
 * or the link emailed to it. Spring Security's one-time-token login takes the posts (the code is asked for at
 * {@code sign-in/code}, checked at {@code sign-in/verify}); these are the pages around them. The emailed link opens a
 * page with one button, since mail scanners follow links.
 */
@Controller
class SignInPages {

    private final Organizations organizations;

    SignInPages(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/my/{org}/sign-in")
    String form(@PathVariable String org, Model model) {
        model.addAttribute("organization", organization(org));
        return "mypage/sign-in";
    }

    /** Reached only when the one-time-token login refused the request: no usable address. */
    @PostMapping("/my/{org}/sign-in/code")
    String refused(@PathVariable String org, Model model, HttpServletResponse response) {
        model.addAttribute("organization", organization(org));
        model.addAttribute("invalidEmail", true);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "mypage/sign-in";
    }

    @GetMapping("/my/{org}/sign-in/code")
    String code(@PathVariable String org, @RequestParam(required = false) String error, Model model) {
        model.addAttribute("organization", organization(org));
        model.addAttribute("wrongCode", error != null);
        return "mypage/code";
    }

    @GetMapping("/my/{org}/sign-in/link")
    String link(@PathVariable String org, @RequestParam(required = false) String token, Model model) {
        model.addAttribute("organization", organization(org));
        model.addAttribute("token", token);
        return "mypage/link";
    }

    private Organization organization(String slug) {
        return organizations.findBySlug(slug).orElseThrow(() -> NotFoundException.of("organization", slug));
    }
}
