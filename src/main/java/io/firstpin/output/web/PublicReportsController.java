package io.firstpin.output.web;

import io.firstpin.event.Events;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The reports on a public event page, a part of it that htmx loads from here; only for an event the public sees. */
@Controller
class PublicReportsController {

    private final Events events;

    PublicReportsController(Events events) {
        this.events = events;
    }

    @GetMapping("/e/{id}/reports")
    String reports(@PathVariable long id, HttpServletRequest request, Model model) {
        events.findPublic(id).orElseThrow(() -> NotFoundException.of("event", id));
        model.addAttribute("eventId", id);
        return PagePart.view("output/fragments :: reports", request, model);
    }
}
