package io.firstpin.identity;

import io.firstpin.platform.Secrets;

/** API token secrets: recognisable by their {@code fp_} prefix, stored as a hash, told apart by their first characters. */
final class TokenSecrets {

    private TokenSecrets() {
    }

    static String newSecret() {
        return Secrets.newSecret("fp_");
    }

    static String hash(String secret) {
        return Secrets.hash(secret);
    }

    static String hint(String secret) {
        return secret.substring(0, Math.min(7, secret.length()));
    }
}
