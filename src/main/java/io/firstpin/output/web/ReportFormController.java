package io.firstpin.output.web;

import io.firstpin.output.OutputSubmission;
import io.firstpin.output.Outputs;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrant's "I wrote a report" form, a part of their private page ({@code /r/{token}}) that htmx loads from
 * here. Its answer comes in place with htmx, or without script on the part's own page.
 */
@Controller
class ReportFormController {

    private final Outputs outputs;
    private final Registrations registrations;
    private final MessageSource messages;

    ReportFormController(Outputs outputs, Registrations registrations, MessageSource messages) {
        this.outputs = outputs;
        this.registrations = registrations;
        this.messages = messages;
    }

    @GetMapping("/r/{token}/report")
    String form(@PathVariable String token, HttpServletRequest request, Model model) {
        return part(registrationOf(token), token, request, model);
    }

    @PostMapping("/r/{token}/outputs")
    String submit(@PathVariable String token, ReportForm form, HttpServletRequest request, Model model,
            RedirectAttributes redirect, Locale locale) {
        Registration registration = registrationOf(token);
        Map<String, Object> outcome = new HashMap<>();
        try {
            outputs.submitByRegistrant(token, registration.eventId(),
                    OutputSubmission.byRegistrant(form.url(), form.type(), form.title()));
            outcome.put("reportSubmitted", true);
        } catch (InvalidInputException e) {
            var problem = e.problems().get(0);
            outcome.put("reportError",
                    messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
            outcome.put("reportForm", form);
        } catch (ConflictException e) {
            outcome.put("reportError", messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
        }
        if (PagePart.fromHtmx(request)) {
            model.addAllAttributes(outcome);
            return part(registration, token, request, model);
        }
        outcome.forEach(redirect::addFlashAttribute);
        return "redirect:/r/" + token + "/report";
    }

    private String part(Registration registration, String token, HttpServletRequest request, Model model) {
        model.addAttribute("registration", registration);
        model.addAttribute("token", token);
        return PagePart.view("output/fragments :: report-form", request, model);
    }

    private Registration registrationOf(String token) {
        return registrations.byToken(token).orElseThrow(() -> NotFoundException.of("registration", "with this link"));
    }

    record ReportForm(String url, String type, String title) implements Serializable {
    }
}
