package io.firstpin.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets handed out once (API tokens, private manage links) and the hashes they are stored as. A secret has
 * 256 random bits, so one unsalted SHA-256 is enough to store it safely and to look it up.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
