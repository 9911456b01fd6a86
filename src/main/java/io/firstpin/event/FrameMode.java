package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.util.Locale;

/** How a frame fills: first come first served, or a lottery drawn at a set time. */
public enum FrameMode {
    FIFO,
    LOTTERY;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FrameMode parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return FIFO;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "event.frame-mode.unknown", text);
        }
    }
}
