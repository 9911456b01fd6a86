package io.firstpin.mypage.web;

import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.LinkHolder;
import io.firstpin.mypage.PreferenceChoices;
import io.firstpin.mypage.PreferenceChoices.Choice;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The one email preferences page every non-transactional email links to, opened by the email's private link: opening
 * it changes nothing (mail scanners follow links); its form, or its one button that stops emails like the one
 * received, does.
 */
@Controller
class EmailPreferencesController {

    private final EmailPreferences preferences;
    private final PreferenceChoices choices;
    private final Organizations organizations;

    EmailPreferencesController(EmailPreferences preferences, PreferenceChoices choices, Organizations organizations) {
        this.preferences = preferences;
        this.choices = choices;
        this.organizations = organizations;
    }

    @GetMapping("/p/{token}")
    String page(@PathVariable String token, Model model) {
        LinkHolder holder = holder(token);
        return show(holder, token, choices.of(holder.organizationId(), holder.memberId()), null, model);
    }

    @PostMapping("/p/{token}")
    String save(@PathVariable String token, PreferencesForm form, Model model) {
        LinkHolder holder = holder(token);
        List<Choice> saved = choices.choose(holder.organizationId(), holder.memberId(), form.wanted());
        return show(holder, token, saved, "saved", model);
    }

    @PostMapping("/p/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, Model model) {
        LinkHolder holder = preferences.unsubscribe(token).orElseThrow(EmailPreferencesController::unknownLink);
        return show(holder, token, choices.of(holder.organizationId(), holder.memberId()), "unsubscribed", model);
    }

    private LinkHolder holder(String token) {
        return preferences.byToken(token).orElseThrow(EmailPreferencesController::unknownLink);
    }

    private String show(LinkHolder holder, String token, List<Choice> rows, String done, Model model) {
        Organization organization = organizations.findById(holder.organizationId()).orElseThrow();
        model.addAttribute("organizationName", organization.name());
        model.addAttribute("choices", rows);
        model.addAttribute("cameWith", rows.stream().filter(c -> c.topic().equals(holder.topic())).findFirst()
                .orElse(null));
        model.addAttribute("action", "/p/" + token);
        model.addAttribute("done", done);
        return "mypage/preferences";
    }

    private static NotFoundException unknownLink() {
        return NotFoundException.of("link", "of this email");
    }
}
