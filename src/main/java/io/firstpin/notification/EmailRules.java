package io.firstpin.notification;

import io.firstpin.platform.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks both kinds of outgoing email share, so that only sendable emails reach the outbox. */
final class EmailRules {

    static final int MAX_DEDUP_KEY = 200;
    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 1_000_000;
    static final int MAX_LIST_UNSUBSCRIBE = 2000;
    private static final int MAX_ADDRESS = 320;
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(https?://|mailto:)[^\\s<>]+");

    private EmailRules() {
    }

    /** The bare address; a malformed one is invalid input on {@code email}, as a form would report it. */
    static String address(String to) {
        if (to == null || to.isBlank() || to.strip().length() > MAX_ADDRESS) {
            throw InvalidInputException.of("email", "validation.email");
        }
        try {
            InternetAddress address = new InternetAddress(to.strip(), true);
            if (address.isGroup() || address.getAddress() == null || !address.getAddress().contains("@")) {
                throw InvalidInputException.of("email", "validation.email");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw InvalidInputException.of("email", "validation.email");
        }
    }

    /** The model itself, once every value is known to survive a trip through the outbox as JSON. */
    static Map<String, Object> model(Map<String, Object> model) {
        model.forEach((name, value) -> {
            if (!jsonValue(value)) {
                throw new IllegalArgumentException("model value " + name + " is not a JSON value: " + value.getClass());
            }
        });
        return model;
    }

    private static boolean jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return true;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().allMatch(EmailRules::jsonValue);
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(String.class::isInstance)
                    && map.values().stream().allMatch(EmailRules::jsonValue);
        }
        return false;
    }

    static Locale locale(Locale locale) {
        return locale == null ? Locale.JAPANESE : locale;
    }

    static String dedupKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_DEDUP_KEY) {
            throw new IllegalArgumentException("a dedup key of 1 to " + MAX_DEDUP_KEY + " characters is required: " + key);
        }
        return key;
    }

    static String listUnsubscribe(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String value = url.strip();
        if (value.length() > MAX_LIST_UNSUBSCRIBE || !UNSUBSCRIBE.matcher(value).matches()) {
            throw new IllegalArgumentException("List-Unsubscribe must be one http(s) or mailto URL: " + url);
        }
        return value;
    }

    /** One line: a header cannot carry line breaks, and a subject built from user text must not smuggle any in. */
    static String subject(String subject) {
        String line = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        if (line.isEmpty() || line.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("a subject of 1 to " + MAX_SUBJECT + " characters is required");
        }
        return line;
    }

    static String body(String name, String body, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("the " + name + " body is required");
            }
            return null;
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("the " + name + " body is longer than " + MAX_BODY + " characters");
        }
        return body;
    }
}
