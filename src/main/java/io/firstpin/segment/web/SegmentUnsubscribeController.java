package io.firstpin.segment.web;

import io.firstpin.platform.NotFoundException;
import io.firstpin.segment.SegmentOptOuts;
import io.firstpin.segment.SegmentOptOuts.Unsubscribe;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind the unsubscribe link of an email to a segment. Opening it changes nothing, since mail scanners
 * follow links; its one button (a form with CSRF) unsubscribes.
 */
@Controller
class SegmentUnsubscribeController {

    private final SegmentOptOuts optOuts;

    SegmentUnsubscribeController(SegmentOptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @GetMapping("/s/{token}/unsubscribe")
    String page(@PathVariable String token, Model model) {
        return show(optOuts.byToken(token), token, model);
    }

    @PostMapping("/s/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, Model model) {
        return show(optOuts.unsubscribe(token), token, model);
    }

    private static String show(Optional<Unsubscribe> link, String token, Model model) {
        model.addAttribute("link", link.orElseThrow(() -> NotFoundException.of("link", "of this email")));
        model.addAttribute("token", token);
        return "segment/unsubscribe";
    }
}
