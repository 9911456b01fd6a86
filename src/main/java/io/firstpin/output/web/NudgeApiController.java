package io.firstpin.output.web;

import io.firstpin.output.Nudges;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Outputs")
class NudgeApiController {

    private final Nudges nudges;

    NudgeApiController(Nudges nudges) {
        this.nudges = nudges;
    }

    /** The List-Unsubscribe address of a nudge email; mail clients POST {@code List-Unsubscribe=One-Click} here. */
    @PostMapping("/api/v1/output-nudges/{token}/unsubscribe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "One-click unsubscribe (RFC 8058) from report nudges, with the token of a nudge email")
    void unsubscribe(@PathVariable String token) {
        nudges.unsubscribe(token).orElseThrow(() -> NotFoundException.of("link", "of this email"));
    }
}
