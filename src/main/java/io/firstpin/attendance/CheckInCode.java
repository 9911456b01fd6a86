package io.firstpin.attendance;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code in a registrant's check-in QR: 128 random bits in base32 (26 letters A–Z and digits 2–7), so it cannot be
 * guessed, and QR codes hold it in their compact alphanumeric mode. Shown in groups of four for people who type it.
 */
public final class CheckInCode {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final Pattern VALID = Pattern.compile("[A-Z2-7]{26}");

    private CheckInCode() {
    }

    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder code = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                code.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            code.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return code.toString();
    }

    /**
     * What staff typed or a scanner read, as a code: full-width letters, spaces, hyphens and lower case are forgiven,
     * and 0, 1 and 8, which base32 does not use, are read as the letters O, I and B they are mistaken for.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\-]", "")
                .toUpperCase(Locale.ROOT)
                .replace('0', 'O')
                .replace('1', 'I')
                .replace('8', 'B');
        return VALID.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** ABCD-EFGH-…, easier to read aloud and to type. */
    public static String display(String code) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(code, i, Math.min(code.length(), i + 4));
        }
        return shown.toString();
    }
}
