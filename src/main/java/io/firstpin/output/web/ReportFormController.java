package io.firstpin.output.web;

import io.firstpin.output.OutputSubmission;
import io.firstpin.output.Outputs;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import java.io.Serializable;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrant's "I wrote a report" form on their private page ({@code /r/{token}}). */
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

    @PostMapping("/r/{token}/outputs")
    String submit(@PathVariable String token, ReportForm form, RedirectAttributes redirect, Locale locale) {
        Registration registration = registrations.byToken(token)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        try {
            outputs.submitByRegistrant(token, registration.eventId(),
                    OutputSubmission.byRegistrant(form.url(), form.type(), form.title()));
            redirect.addFlashAttribute("reportSubmitted", true);
        } catch (InvalidInputException e) {
            var problem = e.problems().get(0);
            redirect.addFlashAttribute("reportError",
                    messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
            redirect.addFlashAttribute("reportForm", form);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("reportError",
                    messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
        }
        return "redirect:/r/" + token + "#reports-form";
    }

    record ReportForm(String url, String type, String title) implements Serializable {
    }
}
