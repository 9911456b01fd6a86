package io.firstpin.output.web;

import io.firstpin.output.Nudges;
import io.firstpin.output.Nudges.Nudge;
import io.firstpin.output.OutputSubmission;
import io.firstpin.output.Outputs;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages behind the links of a nudge email: adding one's report to the event, and unsubscribing from nudges. The
 * link's private token stands for the member and the event it was sent for.
 */
@Controller
class NudgeController {

    private final Nudges nudges;
    private final Outputs outputs;
    private final MessageSource messages;

    NudgeController(Nudges nudges, Outputs outputs, MessageSource messages) {
        this.nudges = nudges;
        this.outputs = outputs;
        this.messages = messages;
    }

    @GetMapping("/o/{token}")
    String page(@PathVariable String token, Model model) {
        Nudge nudge = nudge(token);
        model.addAttribute("nudge", nudge);
        model.addAttribute("token", token);
        model.addAttribute("mine", outputs.byMemberForEvent(nudge.organizationId(), nudge.memberId(), nudge.eventId()));
        return "output/nudge";
    }

    @PostMapping("/o/{token}")
    String submit(@PathVariable String token, ReportFormController.ReportForm form, RedirectAttributes redirect,
            Locale locale) {
        Nudge nudge = nudge(token);
        try {
            outputs.submitByMember(nudge.organizationId(), nudge.memberId(), nudge.eventId(),
                    OutputSubmission.byRegistrant(form.url(), form.type(), form.title()));
            redirect.addFlashAttribute("reportSubmitted", true);
        } catch (InvalidInputException e) {
            var problem = e.problems().get(0);
            redirect.addFlashAttribute("reportError",
                    messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("reportError", messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
        }
        return "redirect:/o/" + token;
    }

    @GetMapping("/o/{token}/unsubscribe")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("nudge", nudge(token));
        model.addAttribute("token", token);
        return "output/unsubscribe";
    }

    @PostMapping("/o/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, Model model) {
        Nudge nudge = nudges.unsubscribe(token).orElseThrow(() -> NotFoundException.of("link", "of this email"));
        model.addAttribute("nudge", nudge);
        model.addAttribute("token", token);
        model.addAttribute("unsubscribed", true);
        return "output/unsubscribe";
    }

    private Nudge nudge(String token) {
        return nudges.byToken(token).orElseThrow(() -> NotFoundException.of("link", "of this email"));
    }
}
