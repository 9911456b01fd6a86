package io.firstpin.segment.web;

import io.firstpin.platform.NotFoundException;
import io.firstpin.segment.SegmentOptOuts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Segments")
class SegmentUnsubscribeApiController {

    private final SegmentOptOuts optOuts;

    SegmentUnsubscribeApiController(SegmentOptOuts optOuts) {
        this.optOuts = optOuts;
    }

    /**
     * The List-Unsubscribe address of an email to a segment; mail clients POST {@code List-Unsubscribe=One-Click}
     * here. The answer is the same whether or not the member had opted out already, and says nothing about them.
     */
    @PostMapping("/api/v1/segment-messages/{token}/unsubscribe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "One-click unsubscribe (RFC 8058) from email to segments, with the token of such an email")
    void unsubscribe(@PathVariable String token) {
        optOuts.unsubscribe(token).orElseThrow(() -> NotFoundException.of("link", "of this email"));
    }
}
