package io.firstpin.identity;

import io.firstpin.platform.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes (bcrypt reads no
 * further), and not one of the common passwords of the list shipped with the application (nbvcxz's
 * {@code dictionaries/passwords.txt}, about 100,000 passwords from public breach corpora), also not with digits or
 * symbols merely added at the end or a word repeated. Read offline, once.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private static final String LIST = "dictionaries/passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Throws invalid input on {@code field}, with a message code the form shows, when the password is not acceptable. */
    public static void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw InvalidInputException.of(field, "password.too-short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw InvalidInputException.of(field, "password.too-long", MAX_BYTES);
        }
        if (common(password) || guessableFrom(password, email)) {
            throw InvalidInputException.of(field, "password.common");
        }
    }

    public static boolean acceptable(String password, String email) {
        try {
            check("password", password, email);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    static boolean common(String password) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 3) {
            return true;
        }
        String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "").replaceAll("^[\\d\\p{Punct}\\s]+", "");
        if (stem.length() < lower.length() && (stem.length() < 4 || COMMON.contains(stem))) {
            return true;
        }
        return repeated(lower);
    }

    /** "abcabcabcabc", "passwordpassword": a short unit over and over. */
    private static boolean repeated(String text) {
        for (int unit = 1; unit <= text.length() / 2; unit++) {
            if (text.length() % unit == 0 && text.substring(unit).equals(text.substring(0, text.length() - unit))) {
                return true;
            }
        }
        return false;
    }

    private static boolean guessableFrom(String password, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String address = email.strip().toLowerCase(Locale.ROOT);
        String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        return lower.contains(address) || (local.length() >= 4 && lower.replace(local, "").length() < 6);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(131_072);
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords " + LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
