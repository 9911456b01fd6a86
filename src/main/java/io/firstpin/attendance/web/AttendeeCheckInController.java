package io.firstpin.attendance.web;

import io.firstpin.attendance.AttendanceCodes;
import io.firstpin.attendance.CheckInPasses;
import io.firstpin.platform.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attendee's side of check-in, behind their private registration link: the QR code as an image (for emails and
 * saving to the phone), and checking in with the attendance code. The manage page itself shows both.
 */
@Controller
class AttendeeCheckInController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final CheckInPasses passes;
    private final AttendanceCodes attendanceCodes;

    AttendeeCheckInController(CheckInPasses passes, AttendanceCodes attendanceCodes) {
        this.passes = passes;
        this.attendanceCodes = attendanceCodes;
    }

    /** Not cached anywhere: whoever has the image can be checked in, and a cancelled registration loses it. */
    @GetMapping("/r/{token}/qr.svg")
    ResponseEntity<String> qr(@PathVariable String token) {
        String svg = passes.svg(token).orElseThrow(() -> NotFoundException.of("check-in code", "with this link"));
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noStore()).body(svg);
    }

    @PostMapping("/r/{token}/attend")
    String attend(@PathVariable String token, @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("selfCheckIn", attendanceCodes.attend(token, code));
        return "redirect:/r/" + token + "#checkin-pass";
    }
}
