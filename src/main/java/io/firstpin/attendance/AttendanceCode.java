package io.firstpin.attendance;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;

/**
 * An event's attendance code (出席コード): six digits staff show at the venue, easy to type on a phone's number pad.
 * Guessing is held back by locking a registration after a few wrong codes, not by the code's length.
 *
 * @param window when attendees may enter it
 */
public record AttendanceCode(String code, Instant issuedAt, AttendanceWindow window) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** Full-width digits (common on Japanese keyboards), spaces and hyphens are forgiven. */
    boolean matches(String typed) {
        if (typed == null) {
            return false;
        }
        String normalized = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s\\-]", "");
        return MessageDigest.isEqual(normalized.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8));
    }
}
