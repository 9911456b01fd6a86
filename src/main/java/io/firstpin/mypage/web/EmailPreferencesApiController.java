package io.firstpin.mypage.web;

import io.firstpin.member.EmailPreferences;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Members")
class EmailPreferencesApiController {

    private final EmailPreferences preferences;

    EmailPreferencesApiController(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    /**
     * The List-Unsubscribe address of every non-transactional email; mail clients POST
     * {@code List-Unsubscribe=One-Click} here. The answer is the same whether or not the member had opted out already,
     * and says nothing about them.
     */
    @PostMapping("/api/v1/email-preferences/{token}/unsubscribe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "One-click unsubscribe (RFC 8058) from the kind of email this token came with")
    void unsubscribe(@PathVariable String token) {
        preferences.unsubscribe(token).orElseThrow(() -> NotFoundException.of("link", "of this email"));
    }
}
