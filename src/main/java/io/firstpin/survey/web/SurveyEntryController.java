package io.firstpin.survey.web;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.survey.SurveyLinks;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey's public entry, the address the venue screen shows: an attendee gives their email and gets their private
 * survey link there. The page answers the same whether or not the email is an attendee's.
 */
@Controller
class SurveyEntryController {

    private final SurveyLinks links;
    private final Clock clock;

    SurveyEntryController(SurveyLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/e/{id}/survey")
    String entry(@PathVariable long id, Model model) {
        return page(id, "", model);
    }

    @PostMapping("/e/{id}/survey")
    String requestLink(@PathVariable long id, @RequestParam(defaultValue = "") String email, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            links.send(id, email);
        } catch (InvalidInputException e) {
            model.addAttribute("invalidEmail", true);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, email, model);
        }
        redirect.addFlashAttribute("linkSent", true);
        return "redirect:/e/" + id + "/survey";
    }

    private String page(long id, String email, Model model) {
        SurveyLinks.Entry entry = links.entry(id);
        Instant now = clock.instant();
        model.addAttribute("entry", entry);
        model.addAttribute("closed", entry.window().closed(now));
        model.addAttribute("notYetOpen", now.isBefore(entry.window().opensAt()));
        model.addAttribute("email", email);
        return "survey/entry";
    }
}
