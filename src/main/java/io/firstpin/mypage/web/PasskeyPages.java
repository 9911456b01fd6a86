package io.firstpin.mypage.web;

import io.firstpin.mypage.MemberPasskeys;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.organization.Organizations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's passkeys on their page: listed with the name they gave each, removed one at a time. Adding one is
 * Spring Security's registration ceremony, driven by the page's script.
 */
@Controller
class PasskeyPages {

    private final MemberPasskeys passkeys;
    private final Organizations organizations;

    PasskeyPages(MemberPasskeys passkeys, Organizations organizations) {
        this.passkeys = passkeys;
        this.organizations = organizations;
    }

    @GetMapping("/my/{org}/passkeys")
    String list(@AuthenticationPrincipal SignedInMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("organizationName", organizations.findById(me.organizationId()).orElseThrow().name());
        model.addAttribute("passkeys", passkeys.of(me.organizationId(), me.memberId()));
        return "mypage/passkeys";
    }

    @PostMapping("/my/{org}/passkeys/remove")
    String remove(@AuthenticationPrincipal SignedInMember me, @RequestParam(required = false) String id) {
        passkeys.remove(me.organizationId(), me.memberId(), id);
        return "redirect:/my/" + me.organizationSlug() + "/passkeys?removed";
    }
}
